using Evolve.Core.Evaluation;
using Evolve.Core.Scoring;

namespace Evolve.Core.Gepa.Reflection;

/// <summary>
/// Builds the examples a reflection prompt shows from a parent's minibatch rollouts (GEPA's
/// <c>make_reflective_dataset</c>): failing cases first, every text capped so prompts stay bounded.
/// </summary>
public static class ReflectiveDataset
{
    /// <summary>
    /// One record per rollout: failing rollouts first (lowest score first), then passing ones, each
    /// group otherwise in the order given; at most <paramref name="maxRecords"/> records.
    /// </summary>
    /// <param name="rollouts">The parent's rollouts on the minibatch, with traces when kept.</param>
    /// <param name="caseVars">Each case's variables by case id; a case missing here shows "(no inputs recorded)".</param>
    /// <param name="maxRecords">Most records kept; default 10.</param>
    public static IReadOnlyList<ReflectiveRecord> FromRollouts(
        IEnumerable<Rollout> rollouts,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, object?>> caseVars,
        int maxRecords = ReflectionDefaults.MaxRecords)
    {
        ArgumentNullException.ThrowIfNull(rollouts);
        ArgumentNullException.ThrowIfNull(caseVars);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRecords);

        return rollouts
            .Select((rollout, index) => (rollout, index))
            .OrderBy(x => x.rollout.Score.Pass ? 1 : 0)
            .ThenBy(x => x.rollout.Score.Pass ? 0 : x.rollout.Score.Value)
            .ThenBy(x => x.index)
            .Take(maxRecords)
            .Select(x => ToRecord(x.rollout, caseVars))
            .ToList();
    }

    private static ReflectiveRecord ToRecord(Rollout rollout, IReadOnlyDictionary<string, IReadOnlyDictionary<string, object?>> caseVars)
    {
        var inputs = CaseInputs.Render(caseVars.GetValueOrDefault(rollout.CaseId));
        var output = rollout.Output.Length == 0 && rollout.Error is not null
            ? $"(no output: {rollout.Error})"
            : rollout.Output;
        return new ReflectiveRecord(
            rollout.CaseId,
            TextClip.Clip(inputs, ReflectionDefaults.InputsChars),
            TextClip.Clip(output, ReflectionDefaults.OutputChars),
            ClipFeedback(rollout.Score.Feedback),
            rollout.Score.Value,
            TraceText.Condense(rollout.Trace, rollout.Output));
    }

    /// <summary>Caps feedback but keeps every <c>Hints:</c> line: they name what the answer must handle.</summary>
    private static string ClipFeedback(string feedback)
    {
        feedback = feedback.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (feedback.Length <= ReflectionDefaults.FeedbackChars)
        {
            return feedback;
        }

        var lines = feedback.Split('\n');
        var hints = lines.Where(IsHints).ToList();
        var body = string.Join('\n', lines.Where(l => !IsHints(l)));
        var room = Math.Max(200, ReflectionDefaults.FeedbackChars - hints.Sum(h => h.Length + 1));
        return string.Join('\n', hints.Prepend(TextClip.Clip(body, room)));
    }

    private static bool IsHints(string line) =>
        line.TrimStart().StartsWith(CaseVerdict.HintsPrefix.TrimEnd(), StringComparison.OrdinalIgnoreCase);
}

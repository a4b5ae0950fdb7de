using Evolve.Core.Scoring.Text;
using Evolve.Core.Suites;

namespace Evolve.Core.Scoring.Assertions;

/// <summary>
/// <c>tool-call-f1</c>: the F1 between the tools the case expects (value: names, a list or comma
/// separated) and the distinct tools the agent called during its session; passes at the threshold,
/// default 1 (exactly the expected tools, each at least once). The calls are those the agent's
/// session made, read from its trace, not a raw model reply.
/// </summary>
internal sealed class ToolCallF1Evaluator() : SyncAssertionEvaluator<ToolCallF1Evaluator.Expected>("tool-call-f1")
{
    internal sealed record Expected(HashSet<string> Names, double Threshold);

    /// <inheritdoc/>
    protected override Expected Parse(AssertionSpec spec)
    {
        var threshold = spec.Threshold ?? 1;
        if (threshold is < 0 or > 1 || double.IsNaN(threshold))
        {
            throw new ThresholdException($"threshold {threshold} must be between 0 and 1");
        }

        string[] names = spec.Value is string text ? text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : SpecValue.TryItems(spec.Value, out var items) ? items
            : throw new FormatException($"tool-call-f1 needs the expected tool names, not {SpecValue.Describe(spec.Value)}");
        return names.Length == 0
            ? throw new FormatException("tool-call-f1 needs at least one expected tool name")
            : new Expected(new HashSet<string>(names, StringComparer.Ordinal), threshold);
    }

    /// <inheritdoc/>
    protected override AssertionCheck Check(Expected arg, AssertionContext context, string output)
    {
        var called = context.Answer.ToolCalls.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var common = called.Count(arg.Names.Contains);
        var f1 = common == 0 ? 0 : 2.0 * common / (called.Count + arg.Names.Count);
        var passed = Graded.Reaches(f1, arg.Threshold);
        if (!Explains(context.Spec, passed))
        {
            return new AssertionCheck(f1, passed, null);
        }

        var missing = arg.Names.Where(n => !called.Contains(n)).Order(StringComparer.Ordinal).ToList();
        var extra = called.Where(n => !arg.Names.Contains(n)).Order(StringComparer.Ordinal).ToList();
        return new AssertionCheck(f1, passed, passed
            ? $"the agent must not call these tools, but its tool-call F1 is {FeedbackText.Score(f1)}."
            : $"tool-call F1 {FeedbackText.Score(f1)} is below {FeedbackText.Score(arg.Threshold)}: "
              + (missing.Count > 0 ? $"it never called {FeedbackText.QuoteList(missing)}" : "")
              + (missing.Count > 0 && extra.Count > 0 ? " and " : "")
              + (extra.Count > 0 ? $"it also called {FeedbackText.QuoteList(extra)}" : "") + ".");
    }
}

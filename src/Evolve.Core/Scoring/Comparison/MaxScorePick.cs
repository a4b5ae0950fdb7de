using System.Globalization;

namespace Evolve.Core.Scoring.Comparison;

/// <summary>
/// <c>max-score</c>'s decision among the answers of one case, promptfoo's rule: each answer's
/// aggregate is the weighted average (or sum) of its other assertions' scores (select-best and
/// max-score left out); the first answer with the highest aggregate wins when it reaches the
/// threshold, and every other answer fails with score 0.
/// </summary>
internal static class MaxScorePick
{
    /// <summary>One verdict per answer, in order; every answer fails when none has another assertion to aggregate.</summary>
    public static IReadOnlyList<Score> Decide(IReadOnlyList<CaseScore> answers, MaxScoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(options);
        var aggregates = new double?[answers.Count];
        for (var i = 0; i < answers.Count; i++)
        {
            var counted = answers[i].Assertions.Where(a => !AssertionTypes.Comparison.Contains(a.Type)).ToList();
            if (counted.Count == 0)
            {
                continue;
            }

            var weights = counted.Select(a => options.Weights.GetValueOrDefault(a.Type, 1)).ToList();
            var total = counted.Select((a, k) => a.Score.Value * weights[k]).Sum();
            aggregates[i] = options.Sum ? total : weights.Sum() > 0 ? total / weights.Sum() : 0;
        }

        if (aggregates.Any(a => a is null))
        {
            return [.. answers.Select(_ => Score.Fail("max-score: not decided: it needs at least one other assertion on the case to aggregate scores from.", "max-score: no other assertion"))];
        }

        var best = aggregates.Max()!.Value;
        var winner = Array.FindIndex(aggregates, a => a == best);
        var reaches = options.Threshold is not { } least || best >= least;
        return [.. aggregates.Select((a, i) => i == winner && reaches
            ? new Score(1, true, $"max-score: selected as the highest-scoring answer ({F(a!.Value)}).", [])
            : Score.Fail(a == best && !reaches
                ? $"max-score: not selected: the best aggregate {F(a!.Value)} is below the threshold {F(options.Threshold!.Value)}."
                : $"max-score: not selected: this answer's aggregate is {F(a!.Value)}, the best is {F(best)}."))];
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}

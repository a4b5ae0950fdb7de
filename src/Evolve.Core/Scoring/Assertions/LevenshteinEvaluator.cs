using Evolve.Core.Scoring.Text;
using Evolve.Core.Suites;

namespace Evolve.Core.Scoring.Assertions;

/// <summary>
/// <c>levenshtein</c>: the trimmed answer is within the threshold (maximum edit distance, default
/// 5) of the value. Score 1 when it is, else 0, as promptfoo scores it; the distance is in the feedback.
/// </summary>
internal sealed class LevenshteinEvaluator() : SyncAssertionEvaluator<LevenshteinEvaluator.Target>("levenshtein")
{
    /// <summary>Maximum distance when the spec gives no threshold.</summary>
    public const double DefaultMaxDistance = 5;

    private const long MaxExactCells = 4_000_000;

    internal sealed record Target(string Expected, double MaxDistance);

    /// <inheritdoc/>
    protected override Target Parse(AssertionSpec spec)
    {
        if (!SpecValue.TryText(spec.Value, out var expected))
        {
            throw new FormatException($"levenshtein needs the expected text as its value, not {SpecValue.Describe(spec.Value)}");
        }

        var max = spec.Threshold ?? DefaultMaxDistance;
        return max >= 0 && double.IsFinite(max)
            ? new Target(expected.Trim(), max)
            : throw new ThresholdException($"threshold (the maximum edit distance) must be a non-negative number, not {max}");
    }

    /// <inheritdoc/>
    protected override AssertionCheck Check(Target arg, AssertionContext context, string output)
    {
        var answer = output.AsSpan().Trim();
        var longer = Math.Max(answer.Length, arg.Expected.Length);

        // Past a few million cells the exact distance is not worth its cost: the banded form
        // decides pass/fail exactly and gives a lower bound for the score otherwise.
        var exact = (long)answer.Length * arg.Expected.Length <= MaxExactCells;
        var distance = exact
            ? EditDistance.Compute(answer, arg.Expected)
            : Math.Max(EditDistance.ComputeBounded(answer, arg.Expected, (int)Math.Min(arg.MaxDistance, longer)), Math.Abs(answer.Length - arg.Expected.Length));
        // Pass or fail, as promptfoo scores it, so a config's table matches; the distance is in the feedback.
        var passed = distance <= arg.MaxDistance;
        var value = passed ? 1 : 0;
        if (!Explains(context.Spec, passed))
        {
            return new AssertionCheck(value, passed, null);
        }

        var expected = FeedbackText.Quote(arg.Expected);
        return new AssertionCheck(value, passed, passed
            ? $"the answer must differ from {expected} by more than {FeedbackText.Number(arg.MaxDistance)} edits, but it is only {distance} away — answer differently."
            : $"the answer is {(exact ? string.Empty : "at least ")}{distance} edits away from {expected} (at most {FeedbackText.Number(arg.MaxDistance)} allowed); the answer was {FeedbackText.Quote(answer.ToString())} — reproduce the expected text more closely.");
    }
}

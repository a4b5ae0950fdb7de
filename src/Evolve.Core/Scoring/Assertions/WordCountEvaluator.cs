using Evolve.Core.Scoring.Text;
using Evolve.Core.Suites;

namespace Evolve.Core.Scoring.Assertions;

/// <summary><c>word-count</c>: the answer's whitespace-separated word count is exactly the value, or within <c>{min, max}</c>.</summary>
internal sealed class WordCountEvaluator() : SyncAssertionEvaluator<WordCountEvaluator.Range>("word-count")
{
    internal sealed record Range(int Min, int Max);

    /// <inheritdoc/>
    protected override Range Parse(AssertionSpec spec)
    {
        if (SpecValue.TryMap(spec.Value, out var entries))
        {
            int? min = null, max = null;
            foreach (var (key, value) in entries)
            {
                switch (key)
                {
                    case "min": min = Count(value, "min"); break;
                    case "max": max = Count(value, "max"); break;
                    default: throw new FormatException($"word-count accepts only min and max, not \"{key}\"");
                }
            }

            if (min is null && max is null)
            {
                throw new FormatException("word-count needs min, max or both");
            }

            return min > max
                ? throw new FormatException($"min ({min}) is greater than max ({max})")
                : new Range(min ?? 0, max ?? int.MaxValue);
        }

        var exact = Count(spec.Value, "value");
        return new Range(exact, exact);
    }

    /// <inheritdoc/>
    protected override AssertionCheck Check(Range arg, AssertionContext context, string output)
    {
        var words = WordTokens.Count(output);
        var passed = words >= arg.Min && words <= arg.Max;
        if (!Explains(context.Spec, passed))
        {
            return AssertionCheck.Binary(passed, null);
        }

        var wanted = arg.Min == arg.Max ? "exactly " + FeedbackText.Count(arg.Min, "word")
            : arg.Max == int.MaxValue ? "at least " + FeedbackText.Count(arg.Min, "word")
            : arg.Min == 0 ? "at most " + FeedbackText.Count(arg.Max, "word")
            : $"{arg.Min} to {arg.Max} words";
        var has = FeedbackText.Count(words, "word");
        if (passed)
        {
            return AssertionCheck.Binary(passed, $"the answer must not have {wanted}, but it has {has} — change its length.");
        }

        var advice = words > arg.Max ? "shorten it" : "make it longer";
        return AssertionCheck.Binary(passed, $"expected {wanted} but the answer has {has} — {advice}.");
    }

    private static int Count(object? value, string field) =>
        SpecValue.TryNumber(value, out var n) && n >= 0 && n <= int.MaxValue && n == Math.Floor(n)
            ? (int)n
            : throw new FormatException($"word-count {field} must be a whole number of words (or the value a {{min, max}} map), not {SpecValue.Describe(value)}");
}

using Evolve.Core.Scoring.Text;
using Evolve.Core.Suites;

namespace Evolve.Core.Scoring.Assertions;

/// <summary>
/// <c>rouge-n</c> (threshold default 0.75), <c>bleu</c>, <c>gleu</c> and <c>meteor</c> (0.5): the
/// answer's overlap with the reference (value: a text, or a list of texts of which the best
/// counts), passing at the threshold. See <see cref="OverlapMetrics"/> for each formula.
/// </summary>
internal sealed class OverlapEvaluator(string type, double defaultThreshold, Func<string[], string[], double> metric)
    : SyncAssertionEvaluator<OverlapEvaluator.References>(type)
{
    internal sealed record References(string[][] Words, string[] Texts, double Threshold);

    /// <summary>The four overlap evaluators.</summary>
    public static IEnumerable<OverlapEvaluator> All() =>
    [
        new("rouge-n", 0.75, OverlapMetrics.Rouge1),
        new("bleu", 0.5, OverlapMetrics.Bleu),
        new("gleu", 0.5, OverlapMetrics.Gleu),
        new("meteor", 0.5, OverlapMetrics.Meteor),
    ];

    /// <inheritdoc/>
    protected override References Parse(AssertionSpec spec)
    {
        var threshold = spec.Threshold ?? defaultThreshold;
        if (threshold is < 0 or > 1 || double.IsNaN(threshold))
        {
            throw new ThresholdException($"threshold {threshold} must be between 0 and 1");
        }

        string[] texts = spec.Value is string one ? [one]
            : SpecValue.TryItems(spec.Value, out var items) ? items
            : throw new FormatException($"{Type} needs a reference text or a list of them, not {SpecValue.Describe(spec.Value)}");
        return texts.Length == 0 || texts.Any(string.IsNullOrWhiteSpace)
            ? throw new FormatException($"{Type}'s reference texts must not be empty")
            : new References([.. texts.Select(NGrams.Words)], texts, threshold);
    }

    /// <inheritdoc/>
    protected override AssertionCheck Check(References arg, AssertionContext context, string output)
    {
        var answer = NGrams.Words(output);
        var (best, index) = arg.Words.Select((reference, i) => (metric(answer, reference), i)).MaxBy(p => p.Item1);
        var passed = Graded.Reaches(best, arg.Threshold);
        if (!Explains(context.Spec, passed))
        {
            return new AssertionCheck(best, passed, null);
        }

        var reference = FeedbackText.Quote(arg.Texts[index]);
        return new AssertionCheck(best, passed, passed
            ? $"the answer must not match {reference}, but its {Type} score is {FeedbackText.Score(best)} (threshold {FeedbackText.Score(arg.Threshold)}) — word it differently."
            : $"the answer's {Type} score against {reference} is {FeedbackText.Score(best)}, below {FeedbackText.Score(arg.Threshold)}. The answer was {FeedbackText.Quote(output)} — use the reference's words in its order.");
    }
}

using Evolve.Core.Scoring.Text;
using Evolve.Core.Suites;

namespace Evolve.Core.Scoring.Assertions;

/// <summary>
/// <c>f1</c>: token-level F1 (SQuAD normalisation) between the answer and the value, or the case's
/// expected answer when there is no value. Passes at the threshold (default 0.75).
/// </summary>
internal sealed class TokenF1Evaluator() : SyncAssertionEvaluator<TokenF1Evaluator.Target>("f1")
{
    /// <summary>Pass threshold when the spec gives none (promptfoo's default).</summary>
    public const double DefaultThreshold = 0.75;

    internal sealed record Target(List<string>? Reference, double Threshold);

    /// <inheritdoc/>
    protected override Target Parse(AssertionSpec spec)
    {
        var threshold = spec.Threshold ?? DefaultThreshold;
        if (threshold is < 0 or > 1 || double.IsNaN(threshold))
        {
            throw new ThresholdException($"threshold {threshold} must be between 0 and 1");
        }

        if (spec.Value is null)
        {
            return new Target(null, threshold);
        }

        return SpecValue.TryText(spec.Value, out var text)
            ? new Target(WordTokens.Normalize(text), threshold)
            : throw new FormatException($"f1 needs the reference text as its value, not {SpecValue.Describe(spec.Value)}");
    }

    /// <inheritdoc/>
    protected override AssertionCheck Check(Target arg, AssertionContext context, string output)
    {
        var reference = arg.Reference ?? (context.Case.Expected is { } expected ? WordTokens.Normalize(expected) : null);
        if (reference is null)
        {
            return AssertionCheck.Broken(
                "this check has no reference text (no value and no expected answer in the case). This is a problem in the suite.",
                $"{context.Spec.Source}: f1 needs a value or the case's expected answer");
        }

        var answer = WordTokens.Normalize(output);
        var overlap = TokenOverlap.Compute(reference, answer);
        var passed = Graded.Reaches(overlap.F1, arg.Threshold);
        if (!Explains(context.Spec, passed))
        {
            return new AssertionCheck(overlap.F1, passed, null);
        }

        var score = $"{FeedbackText.Score(overlap.F1)} (threshold {FeedbackText.Score(arg.Threshold)})";
        if (passed)
        {
            return new AssertionCheck(overlap.F1, passed, $"the answer's token F1 against the reference is {score}, but must stay below it — use different wording.");
        }

        var missing = overlap.Missing.Count > 0 ? $" Missing words: {FeedbackText.QuoteList(overlap.Missing)}." : string.Empty;
        var extra = overlap.Extra.Count > 0 ? $" Words not in the reference: {FeedbackText.QuoteList(overlap.Extra)}." : string.Empty;
        return new AssertionCheck(overlap.F1, passed, $"token F1 against the reference is only {score}.{missing}{extra} — use the reference's words and drop the rest.");
    }
}

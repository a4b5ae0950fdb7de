using System.Globalization;
using Evolve.Core.Suites;

namespace Evolve.Core.Scoring.Assertions;

/// <summary>
/// <c>perplexity</c> and <c>perplexity-score</c>, promptfoo's rules over the answer's token
/// log-probabilities (asked for from every OpenAI-compatible provider when a suite has one):
/// perplexity is <c>exp(-mean logprob)</c> and passes when at most the threshold, scoring 1 or 0;
/// perplexity-score is <c>1 / (1 + exp(-mean logprob))</c>, its own score, passing when at least the
/// threshold. Without a threshold both pass. An answer without log-probabilities (a provider that
/// returns none: sim, echo, ollama, anthropic) cannot be checked and fails saying so.
/// </summary>
internal sealed class PerplexityEvaluator(bool normalized) : SyncAssertionEvaluator<PerplexityEvaluator.Limit>(normalized ? "perplexity-score" : "perplexity")
{
    internal sealed record Limit(double? Threshold);

    /// <inheritdoc/>
    protected override Limit Parse(AssertionSpec spec) => spec.Threshold is { } t && (!double.IsFinite(t) || t < 0)
        ? throw new ThresholdException($"{Type}'s threshold must be a number of at least 0")
        : new Limit(spec.Threshold);

    /// <inheritdoc/>
    protected override AssertionCheck Check(Limit arg, AssertionContext context, string output)
    {
        if (context.Answer.LogProbs is not { Count: > 0 } logProbs)
        {
            const string Why = "the model returned no token log-probabilities (OpenAI-compatible providers return them; sim, echo, ollama and anthropic do not)";
            return new AssertionCheck(0, false, $"cannot be checked: {Why}.", $"{context.Spec.Source}: {Type}: {Why}", Invertible: false);
        }

        var mean = logProbs.Average();
        if (!normalized)
        {
            var perplexity = Math.Exp(-mean);
            var passed = arg.Threshold is not { } most || perplexity <= most;
            return AssertionCheck.Binary(passed, Explains(context.Spec, passed)
                ? $"the answer's perplexity is {F(perplexity)}{(arg.Threshold is { } t ? $", {(passed ? "within" : "over")} the threshold {F(t)}" : "")}."
                : null);
        }

        var score = 1 / (1 + Math.Exp(-mean));
        var reaches = arg.Threshold is not { } least || score >= least;
        return new AssertionCheck(score, reaches, Explains(context.Spec, reaches)
            ? $"the answer's perplexity score is {F(score)}{(arg.Threshold is { } l ? $", {(reaches ? "at least" : "below")} the threshold {F(l)}" : "")}."
            : null);
    }

    private static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}

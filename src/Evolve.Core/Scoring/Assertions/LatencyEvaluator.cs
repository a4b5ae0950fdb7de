using System.Globalization;
using Evolve.Core.Suites;

namespace Evolve.Core.Scoring.Assertions;

/// <summary>
/// <c>latency</c>: the agent session took at most <c>threshold</c> milliseconds (promptfoo's rule).
/// An answer served from the response cache has no meaningful latency, so, as in promptfoo, it fails
/// with the advice to run without the cache; an answer with no recorded latency fails likewise.
/// </summary>
internal sealed class LatencyEvaluator() : SyncAssertionEvaluator<LatencyEvaluator.Limit>("latency")
{
    internal sealed record Limit(double Milliseconds);

    /// <inheritdoc/>
    protected override Limit Parse(AssertionSpec spec) => spec.Threshold is { } ms && double.IsFinite(ms) && ms >= 0
        ? new Limit(ms)
        : throw new ThresholdException("latency needs a threshold: the most milliseconds the answer may take");

    /// <inheritdoc/>
    protected override AssertionCheck Check(Limit arg, AssertionContext context, string output)
    {
        var answer = context.Answer;
        if (answer.CacheHit || answer.Latency is not { } latency)
        {
            var why = answer.CacheHit ? "the answer came from the response cache" : "no latency was recorded for this answer";
            return new AssertionCheck(0, false, $"cannot be checked: {why}; evaluate with --no-cache to measure it.", $"{context.Spec.Source}: latency: {why}", Invertible: false);
        }

        var ms = latency.TotalMilliseconds;
        var passed = ms <= arg.Milliseconds;
        return AssertionCheck.Binary(passed, Explains(context.Spec, passed)
            ? $"the answer took {Ms(ms)} ms, {(passed ? "within" : "over")} the limit of {Ms(arg.Milliseconds)} ms{(passed ? "." : " — answer more briefly or with fewer tool calls.")}"
            : null);
    }

    private static string Ms(double value) => value.ToString("0", CultureInfo.InvariantCulture);
}

using System.Globalization;
using Evolve.Core.Suites;

namespace Evolve.Core.Scoring.Assertions;

/// <summary>
/// <c>cost</c>: the answer's model calls cost at most <c>threshold</c> US dollars (promptfoo's rule).
/// The cost is known when the model has a price (built in, <c>evolve.yaml prices:</c> or
/// <c>--prices</c>); without one the assertion fails saying so. A cached answer costs 0.
/// </summary>
internal sealed class CostEvaluator() : SyncAssertionEvaluator<CostEvaluator.Limit>("cost")
{
    internal sealed record Limit(decimal Dollars);

    /// <inheritdoc/>
    protected override Limit Parse(AssertionSpec spec) => spec.Threshold is { } dollars && double.IsFinite(dollars) && dollars >= 0
        ? new Limit((decimal)dollars)
        : throw new ThresholdException("cost needs a threshold: the most US dollars the answer may cost");

    /// <inheritdoc/>
    protected override AssertionCheck Check(Limit arg, AssertionContext context, string output)
    {
        if (context.Answer.Cost is not { } cost)
        {
            const string Why = "the model has no known price, so this answer's cost is unknown";
            return new AssertionCheck(0, false, $"cannot be checked: {Why}; give prices in evolve.yaml or with --prices.", $"{context.Spec.Source}: cost: {Why}", Invertible: false);
        }

        var passed = cost <= arg.Dollars;
        return AssertionCheck.Binary(passed, Explains(context.Spec, passed)
            ? $"the answer cost ${Dollars(cost)}, {(passed ? "within" : "over")} the limit of ${Dollars(arg.Dollars)}{(passed ? "." : " — answer in fewer tokens or fewer model calls.")}"
            : null);
    }

    private static string Dollars(decimal value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}

using Evolve.Core.Scoring.Text;
using Evolve.Core.Suites;

namespace Evolve.Core.Scoring.Assertions;

/// <summary>
/// <c>numeric</c>: the number the answer gives (the whole answer, or else the last number in it)
/// is within the threshold (absolute tolerance, default 1e-6) of the value.
/// </summary>
internal sealed class NumericEvaluator() : SyncAssertionEvaluator<NumericEvaluator.Target>("numeric")
{
    /// <summary>Tolerance when the spec gives no threshold.</summary>
    public const double DefaultTolerance = 1e-6;

    internal sealed record Target(double Expected, double Tolerance);

    /// <inheritdoc/>
    protected override Target Parse(AssertionSpec spec)
    {
        if (!SpecValue.TryNumber(spec.Value, out var expected))
        {
            throw new FormatException($"numeric needs a number as its value, not {SpecValue.Describe(spec.Value)}");
        }

        var tolerance = spec.Threshold ?? DefaultTolerance;
        return tolerance >= 0 && double.IsFinite(tolerance)
            ? new Target(expected, tolerance)
            : throw new ThresholdException($"threshold (the tolerance) must be a non-negative number, not {tolerance}");
    }

    /// <inheritdoc/>
    protected override AssertionCheck Check(Target arg, AssertionContext context, string output)
    {
        var found = NumberScanner.TryFind(output, out var actual);
        var passed = found && Math.Abs(actual - arg.Expected) <= arg.Tolerance;
        if (!Explains(context.Spec, passed))
        {
            return AssertionCheck.Binary(passed, null);
        }

        var expected = FeedbackText.Number(arg.Expected);
        var within = arg.Tolerance > DefaultTolerance ? $" (within {FeedbackText.Number(arg.Tolerance)})" : string.Empty;
        if (passed)
        {
            return AssertionCheck.Binary(passed, $"the answer must not be {expected}{within}, but it gave {FeedbackText.Number(actual)} — give a different number.");
        }

        return AssertionCheck.Binary(passed, found
            ? $"expected {expected}{within} but got {FeedbackText.Number(actual)} (the last number in {FeedbackText.Quote(output)}) — recompute it, and end the answer with the number."
            : $"expected the number {expected} but the answer contains no number: {FeedbackText.Quote(output)} — answer with the number.");
    }
}

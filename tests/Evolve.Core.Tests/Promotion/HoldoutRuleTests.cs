using Evolve.Core.Promotion;
using Evolve.Core.Stats;

namespace Evolve.Core.Tests.Promotion;

public sealed class HoldoutRuleTests
{
    /// <summary>Eight cases where the candidate differs from live by <paramref name="difference"/> on each.</summary>
    private static PairedComparisonResult Shifted(double difference) => PairedComparison.Compare(
        Enumerable.Range(0, 8).Select(i => new PairedObservation($"c{i}", 0.5, 0.5 + difference, true, difference >= 0)).ToList());

    [Theory]
    [InlineData(-0.03, 0.02, false)]
    [InlineData(-0.01, 0.02, true)]
    [InlineData(0.0, 0.0, true)]
    [InlineData(0.0, -0.05, false)]
    [InlineData(0.5, -1.0, false)]
    public void Passes_MeanDifferenceAgainstTolerance(double difference, double tolerance, bool expected)
    {
        Assert.Equal(expected, HoldoutGate.Passes(Shifted(difference), tolerance));
    }

    [Fact]
    public void Passes_WorseBeyondToleranceEvenWhenTheIntervalReachesZero_Fails()
    {
        // Mixed cases: mean -0.05 with a wide interval that includes 0; the rule is on the mean, so it fails.
        var pairs = new[] { 0.3, -0.4, 0.2, -0.3, 0.0, -0.1, 0.1, -0.2 }
            .Select((d, i) => new PairedObservation($"c{i}", 0.5, 0.5 + d, true, d >= 0)).ToList();
        var comparison = PairedComparison.Compare(pairs);

        Assert.True(comparison.DifferenceInterval.Upper > 0);
        Assert.False(HoldoutGate.Passes(comparison, 0.02));
    }
}

using Evolve.Core.Stats;

namespace Evolve.Core.Tests.Stats;

public sealed class PairedBootstrapTests
{
    [Fact]
    public void MeanInterval_HalfOnesHalfZeros_IsBinomialPercentiles()
    {
        // A resampled mean is Bin(40, 0.5) / 40. python3:
        //   from math import comb; cdf = lambda k: sum(comb(40, i) for i in range(k + 1)) / 2**40
        //   cdf(13) = 0.0192 < 0.025 < cdf(14) = 0.0403 -> lower 14/40 = 0.35
        //   cdf(25) = 0.9597 < 0.975 < cdf(26) = 0.9808 -> upper 26/40 = 0.65
        // (the normal approximation 0.5 +/- 1.96 * sqrt(0.25 / 40) = [0.345, 0.655] agrees).
        var differences = Enumerable.Repeat(1.0, 20).Concat(Enumerable.Repeat(0.0, 20)).ToArray();

        var interval = PairedBootstrap.MeanInterval(differences, 0.95, 10_000, new Random(7));

        Assert.Equal(0.35, interval.Lower, 12);
        Assert.Equal(0.65, interval.Upper, 12);
        Assert.Equal(0.95, interval.Level);
    }

    [Fact]
    public void MeanInterval_ConstantDifference_IsExactlyThatDifference()
    {
        var d = 0.7 - 0.3;
        var differences = Enumerable.Repeat(d, 33).ToArray();

        var interval = PairedBootstrap.MeanInterval(differences, 0.95, 2_000, new Random(1));

        Assert.Equal(d, interval.Lower);
        Assert.Equal(d, interval.Upper);
    }

    [Fact]
    public void MeanInterval_Empty_IsZeroWidthAtZero()
    {
        var interval = PairedBootstrap.MeanInterval([], 0.9, 1_000, new Random(1));

        Assert.Equal(new ConfidenceInterval(0, 0, 0.9), interval);
    }

    [Fact]
    public void MeanInterval_HigherConfidence_IsWider()
    {
        var differences = Enumerable.Range(0, 30).Select(i => ((i * 37) % 11 / 10.0) - 0.4).ToArray();

        var narrow = PairedBootstrap.MeanInterval(differences, 0.80, 10_000, new Random(3));
        var wide = PairedBootstrap.MeanInterval(differences, 0.99, 10_000, new Random(3));

        Assert.True(wide.Lower < narrow.Lower && wide.Upper > narrow.Upper, $"{wide} should contain {narrow}");
        Assert.True(narrow.Contains(PairedBootstrap.Mean(differences)));
    }

    [Fact]
    public void Mean_ConstantValues_ReturnsTheValueBitForBit()
    {
        var value = 0.1 + 0.2;

        Assert.Equal(value, PairedBootstrap.Mean(Enumerable.Repeat(value, 49).ToArray()));
        Assert.Equal(0.25, PairedBootstrap.Mean([0.0, 0.5, 0.25, 0.25]), 15);
    }
}

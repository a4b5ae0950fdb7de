using Evolve.Core.Stats;

namespace Evolve.Core.Tests.Stats;

public sealed class PairedComparisonStatisticsTests
{
    private static PairedObservation[] Noisy(int n) =>
        [.. Enumerable.Range(0, n).Select(i => new PairedObservation($"c{i}", (i * 37 % 101) / 100.0, (i * 53 % 97) / 100.0, i % 3 == 0, i % 4 == 0))];

    [Fact]
    public void Compare_AllTies_GivesZeroDifferenceAndZeroWidthInterval()
    {
        var pairs = Enumerable.Range(0, 10).Select(i => new PairedObservation($"c{i}", i / 10.0, i / 10.0, i > 4, i > 4)).ToArray();

        var result = PairedComparison.Compare(pairs);

        Assert.Equal(0.0, result.MeanDifference);
        Assert.Equal(new ConfidenceInterval(0, 0, 0.95), result.DifferenceInterval);
        Assert.Equal((0, 10, 0), (result.Wins, result.Ties, result.Losses));
        Assert.Equal((1.0, 1.0, 0.0), (result.McNemarP, result.SignTestP, result.EffectSize));
        Assert.Equal(
            "not enough evidence that A and B differ: B - A = 0.000 (95% CI 0.000 to 0.000, McNemar p = 1, sign test p = 1, 0 wins / 0 losses over 10 cases)",
            result.Explanation);
    }

    [Fact]
    public void Compare_ConstantDifference_IntervalIsExactlyThatDifference()
    {
        var pairs = Enumerable.Range(0, 20).Select(i => new PairedObservation($"c{i}", 0.5, 0.7, true, true)).ToArray();

        var result = PairedComparison.Compare(pairs);

        Assert.Equal(0.7 - 0.5, result.MeanDifference);
        Assert.Equal(0.7 - 0.5, result.DifferenceInterval.Lower);
        Assert.Equal(0.7 - 0.5, result.DifferenceInterval.Upper);
        Assert.Equal(PairedComparisonDefaults.EffectSizeCap, result.EffectSize);
    }

    [Fact]
    public void Compare_SameSeed_GivesTheSameResult_OtherSeed_AnotherInterval()
    {
        var pairs = Noisy(50);

        var first = PairedComparison.Compare(pairs, new PairedComparisonOptions { Seed = 42 });
        var again = PairedComparison.Compare(pairs, new PairedComparisonOptions { Seed = 42 });
        var other = PairedComparison.Compare(pairs, new PairedComparisonOptions { Seed = 43 });

        Assert.Equal(first, again);
        Assert.NotEqual(first.DifferenceInterval, other.DifferenceInterval);
        Assert.Equal(first.MeanDifference, other.MeanDifference);
    }

    [Fact]
    public void Compare_EffectSize_IsMeanOverSampleStandardDeviation()
    {
        // python3: import statistics as s; d = [0.1, 0.2, 0.3, 0.4, 0.5]; s.mean(d) / s.stdev(d) -> 1.8973665961010275
        var pairs = Enumerable.Range(1, 5).Select(i => new PairedObservation($"c{i}", 0.2, 0.2 + (i / 10.0), false, false)).ToArray();

        Assert.Equal(1.8973665961010275, PairedComparison.Compare(pairs).EffectSize, 9);
    }

    [Fact]
    public void Compare_ConstantNegativeDifference_EffectSizeIsMinusTheCap()
    {
        var pairs = Enumerable.Range(0, 6).Select(i => new PairedObservation($"c{i}", 0.75, 0.5, true, false)).ToArray();

        Assert.Equal(-PairedComparisonDefaults.EffectSizeCap, PairedComparison.Compare(pairs).EffectSize);
    }

    [Fact]
    public void Compare_DifferencesWithinTolerance_AreTies()
    {
        PairedObservation[] pairs =
        [
            new("tiny", 0.5, 0.5 + 1e-12, true, true),
            new("win", 0.5, 0.5 + 1e-6, true, true),
            new("loss", 0.5, 0.4, true, false),
            new("same", 0.3, 0.3, false, false),
            new("big", 0.1, 0.9, false, true),
        ];

        var result = PairedComparison.Compare(pairs);

        Assert.Equal((2, 2, 1), (result.Wins, result.Ties, result.Losses));
        Assert.Equal((1, 1), (result.APassBFail, result.AFailBPass));
        Assert.Equal((0.6, 0.6), (result.PassRateA, result.PassRateB));
        // (0.5 + 0.5 + 0.5 + 0.3 + 0.1) / 5 = 0.38 and (0.5 + 0.500001 + 0.4 + 0.3 + 0.9) / 5 = 0.5200002
        Assert.Equal(0.38, result.MeanA, 12);
        Assert.Equal(0.5200002, result.MeanB, 12);
    }

    [Fact]
    public void Compare_ConfidenceOption_AppearsInTheSentence()
    {
        var result = PairedComparison.Compare(Noisy(30), new PairedComparisonOptions { Confidence = 0.9 });

        Assert.Equal(0.9, result.DifferenceInterval.Level);
        Assert.Contains("(90% CI ", result.Explanation);
    }

    [Fact]
    public void Compare_DuplicateCase_Throws()
    {
        PairedObservation[] pairs = [new("c1", 0.1, 0.2, false, false), new("c1", 0.3, 0.4, false, false)];

        var error = Assert.Throws<ArgumentException>(() => PairedComparison.Compare(pairs));

        Assert.Contains("case 'c1' appears more than once", error.Message);
    }

    [Theory]
    [InlineData(1.5, 0.5)]
    [InlineData(0.5, -0.1)]
    [InlineData(double.NaN, 0.5)]
    public void Compare_ScoreOutsideUnitInterval_Throws(double a, double b)
    {
        var error = Assert.Throws<ArgumentException>(() => PairedComparison.Compare([new PairedObservation("bad", a, b, true, true)]));

        Assert.Contains("case 'bad': scores must be in [0, 1]", error.Message);
    }
}

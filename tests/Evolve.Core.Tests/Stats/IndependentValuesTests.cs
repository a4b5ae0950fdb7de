using Evolve.Core.Stats;

namespace Evolve.Core.Tests.Stats;

/// <summary>
/// Every statistic checked against a number derived outside the code under test: by hand, or with
/// python3 and exact integer arithmetic (the script sits next to each value). For the bootstrap,
/// whose exact output depends on the seed, the checks are properties known independently and the
/// exact bootstrap distribution enumerated in python3.
/// </summary>
public sealed class IndependentValuesTests
{
    // A fixed table of 9 cases:    A    B   A pass  B pass   B - A
    private static readonly PairedObservation[] Table =
    [
        new("c1", 0.2, 0.8, false, true),   // +0.6  discordant (A fail, B pass), win
        new("c2", 0.4, 0.9, false, true),   // +0.5  discordant, win
        new("c3", 0.5, 1.0, false, true),   // +0.5  discordant, win
        new("c4", 0.6, 0.6, true, true),    //  0    tie
        new("c5", 1.0, 1.0, true, true),    //  0    tie
        new("c6", 0.7, 0.5, true, false),   // -0.2  discordant (A pass, B fail), loss
        new("c7", 0.3, 0.7, false, true),   // +0.4  discordant, win
        new("c8", 0.1, 0.3, false, false),  // +0.2  concordant fail, win
        new("c9", 0.0, 0.6, false, true),   // +0.6  discordant, win
    ];

    [Fact]
    public void Compare_FixedTable_MatchesHandCountsAndExactTails()
    {
        var result = PairedComparison.Compare(Table);

        // By hand from the table: b = 1 (c6), c = 5 (c1, c2, c3, c7, c9); 6 wins, 2 ties, 1 loss.
        Assert.Equal((1, 5), (result.APassBFail, result.AFailBPass));
        Assert.Equal((6, 2, 1), (result.Wins, result.Ties, result.Losses));
        // python3: from math import comb; 2 * sum(comb(6, i) for i in range(2)) / 2**6 -> 0.21875
        Assert.Equal(0.21875, result.McNemarP, 15);
        // python3: 2 * sum(comb(7, i) for i in range(2)) / 2**7 -> 0.125
        Assert.Equal(0.125, result.SignTestP, 15);
        // Both tests point the same way as the mean, so the p for Holm is the smaller: 0.125 > 0.05, no
        // verdict; the interval lies above 0 all the same, so the verdict is inconclusive, not "no difference".
        Assert.Equal(0.125, result.PValue, 15);
        Assert.True(result.DifferenceInterval.Lower > 0);
        Assert.Equal(Verdict.Inconclusive, result.Verdict);
        // python3: import statistics as s; A = [.2,.4,.5,.6,1,.7,.3,.1,0]; B = [.8,.9,1,.6,1,.5,.7,.3,.6]
        //   d = [b - a for a, b in zip(A, B)]; s.mean(A), s.mean(B), s.mean(d), s.mean(d) / s.stdev(d)
        //   -> 0.4222222222222222 0.7111111111111111 0.2888888888888889 0.9704803523234808
        Assert.Equal(0.4222222222222222, result.MeanA, 12);
        Assert.Equal(0.7111111111111111, result.MeanB, 12);
        Assert.Equal(0.2888888888888889, result.MeanDifference, 12);
        Assert.Equal(0.9704803523234808, result.EffectSize, 9);
        // B passes 7 of 9 (c1, c2, c3, c4, c5, c7, c9), A 3 of 9 (c4, c5, c6).
        Assert.Equal(7 / 9.0, result.PassRateB, 12);
        Assert.Equal(3 / 9.0, result.PassRateA, 12);
    }

    [Theory]
    // python3: from math import comb; 2 * sum(comb(10, i) for i in range(3)) / 2**10 -> 0.109375
    [InlineData(2, 8, 0.109375)]
    [InlineData(8, 2, 0.109375)]
    // 2 * sum(comb(20, i) for i in range(6)) / 2**20 -> 0.04138946533203125
    [InlineData(5, 15, 0.04138946533203125)]
    // 2 * sum(comb(9, i) for i in range(3)) / 2**9 -> 0.1796875
    [InlineData(7, 2, 0.1796875)]
    // all discordant one way: 2 * 0.5**6 = 0.03125 and 2 * 0.5**5 = 0.0625
    [InlineData(0, 6, 0.03125)]
    [InlineData(5, 0, 0.0625)]
    // one discordant case: min(1, 2 * 0.5) = 1
    [InlineData(0, 1, 1.0)]
    // no discordant cases: no evidence, p = 1 by definition
    [InlineData(0, 0, 1.0)]
    // balanced: min(1, 2 * P(X <= 3), X ~ Bin(6, .5)) = min(1, 2 * 42 / 64) = 1
    [InlineData(3, 3, 1.0)]
    public void McNemarAndSignTest_SmallTables_MatchExactTails(int first, int second, double expected)
    {
        Assert.Equal(expected, McNemarTest.PValue(first, second), 15);
        // The sign test is the same exact binomial test on wins against losses.
        Assert.Equal(expected, SignTest.PValue(first, second), 15);
    }

    [Fact]
    public void Compare_AllTies_EveryTestIsOneAndTheIntervalIsZero()
    {
        var pairs = Enumerable.Range(0, 7).Select(i => new PairedObservation($"c{i}", i / 7.0, i / 7.0, i % 2 == 0, i % 2 == 0)).ToArray();

        var result = PairedComparison.Compare(pairs);

        // By hand: every difference is 0 -> no discordant pairs, no wins or losses, d_z defined as 0.
        Assert.Equal((1.0, 1.0, 1.0, 0.0), (result.McNemarP, result.SignTestP, result.PValue, result.EffectSize));
        Assert.Equal(new ConfidenceInterval(0, 0, 0.95), result.DifferenceInterval);
        Assert.Equal(Verdict.NoSignificantDifference, result.Verdict);
    }

    [Fact]
    public void Compare_OneCase_StatisticsOfASingleDifference()
    {
        var result = PairedComparison.Compare([new PairedObservation("only", 0.9, 0.6, true, false)]);

        // One discordant pair and one loss: min(1, 2 * 0.5) = 1 for both tests; the only resample is the case itself.
        Assert.Equal((1, 0, 1), (result.APassBFail, result.AFailBPass, result.Losses));
        Assert.Equal((1.0, 1.0), (result.McNemarP, result.SignTestP));
        Assert.Equal(0.6 - 0.9, result.DifferenceInterval.Lower);
        Assert.Equal(0.6 - 0.9, result.DifferenceInterval.Upper);
        Assert.Equal(0.0, result.EffectSize);
        Assert.Equal(Verdict.InsufficientData, result.Verdict);
    }

    [Fact]
    public void Compare_NoDiscordantPairs_McNemarIsOneAndTheSignTestDecides()
    {
        // Eight cases, all passed by both; B is 0.1 higher on each. McNemar has b = c = 0 -> 1;
        // sign test 8 wins of 8: 2 * 0.5**8 = 0.0078125.
        var pairs = Enumerable.Range(0, 8).Select(i => new PairedObservation($"c{i}", 0.6, 0.7, true, true)).ToArray();

        var result = PairedComparison.Compare(pairs);

        Assert.Equal(1.0, result.McNemarP);
        Assert.Equal(0.0078125, result.SignTestP, 15);
        Assert.Equal(0.0078125, result.PValue, 15);
        Assert.Equal(Verdict.BBetter, result.Verdict);
    }

    [Fact]
    public void Compare_AllDiscordantOneWay_BothTestsAreTwoOverTwoToTheN()
    {
        // Six cases A fails (0) and B passes (1): b = 0, c = 6, 6 wins; both tests 2 * 0.5**6 = 0.03125.
        var pairs = Enumerable.Range(0, 6).Select(i => new PairedObservation($"c{i}", 0, 1, false, true)).ToArray();

        var result = PairedComparison.Compare(pairs);
        var mirrored = PairedComparison.Compare(pairs.Select(p => p with { A = p.B, B = p.A, APass = p.BPass, BPass = p.APass }).ToArray());

        foreach (var p in new[] { result.McNemarP, result.SignTestP, mirrored.McNemarP, mirrored.SignTestP })
        {
            Assert.Equal(0.03125, p, 15);
        }

        Assert.Equal(Verdict.BBetter, result.Verdict);
        Assert.Equal(Verdict.ABetter, mirrored.Verdict);
    }

    [Fact]
    public void HolmAdjust_TiedPValues_ShareTheLargerStep()
    {
        // By hand, m = 4: sorted 0.01 (#0), 0.01 (#2), 0.04, 0.3 times 4, 3, 2, 1 = 0.04, 0.03, 0.08, 0.3;
        // running maximum 0.04, 0.04, 0.08, 0.3; in input order [0.04, 0.08, 0.04, 0.3].
        Assert.Equal([0.04, 0.08, 0.04, 0.3], Holm.Adjust([0.01, 0.04, 0.01, 0.3]), (x, y) => Math.Abs(x - y) < 1e-12);
        // All three equal: 0.2 * 3 = 0.6, then 0.4 and 0.2 are raised to the running maximum 0.6.
        Assert.Equal([0.6, 0.6, 0.6], Holm.Adjust([0.2, 0.2, 0.2]), (x, y) => Math.Abs(x - y) < 1e-12);
    }

    [Fact]
    public void HolmAdjust_ProductAboveOne_IsCappedAndTheCapCarriesDown()
    {
        // By hand, m = 3: sorted 0.02, 0.6, 0.7 times 3, 2, 1 = 0.06, 1.2 -> 1, 0.7; running maximum 0.06, 1, 1.
        Assert.Equal([1.0, 0.06, 1.0], Holm.Adjust([0.6, 0.02, 0.7]), (x, y) => Math.Abs(x - y) < 1e-12);
        // python3 (statsmodels-free check of the same rule):
        //   p = [0.5, 0.5]; sorted times 2, 1 = 1.0, 0.5 -> running max 1, 1
        Assert.Equal([1.0, 1.0], Holm.Adjust([0.5, 0.5]));
    }

    [Fact]
    public void MeanInterval_AllEqualDifferences_IsZeroWidthAtThatValue()
    {
        var interval = PairedBootstrap.MeanInterval(Enumerable.Repeat(-0.25, 11).ToArray(), 0.95, 5_000, new Random(11));

        Assert.Equal((-0.25, -0.25), (interval.Lower, interval.Upper));
    }

    [Fact]
    public void MeanInterval_OneCase_IsThatValue()
    {
        var interval = PairedBootstrap.MeanInterval([0.375], 0.9, 1_000, new Random(5));

        Assert.Equal((0.375, 0.375), (interval.Lower, interval.Upper));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void MeanInterval_ContainsTheMean(int seed)
    {
        double[] differences = [0.5, -0.25, 0.25, 0.75, 0, 1, -0.5, 0.25];

        var interval = PairedBootstrap.MeanInterval(differences, 0.95, 10_000, new Random(seed));

        // By hand: the mean is 2 / 8 = 0.25.
        Assert.True(interval.Contains(0.25), interval.ToString());
    }

    [Fact]
    public void MeanInterval_SymmetricPlusMinusOne_IsSymmetricBinomialPercentiles()
    {
        // 10 x {-1, +1}: a resampled mean is (2X - 20) / 20 with X ~ Bin(20, 0.5). python3:
        //   from math import comb; cdf = lambda k: sum(comb(20, i) for i in range(k + 1)) / 2**20
        //   cdf(5) = 0.0207 < 0.025 < cdf(6) = 0.0577 -> X = 6 -> -0.4; by symmetry X = 14 -> +0.4
        var differences = Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? 1.0 : -1.0).ToArray();

        var interval = PairedBootstrap.MeanInterval(differences, 0.95, 20_000, new Random(9));

        Assert.Equal(-0.4, interval.Lower, 12);
        Assert.Equal(0.4, interval.Upper, 12);
        Assert.Equal(0.0, interval.Lower + interval.Upper, 12);
    }

    [Fact]
    public void MeanInterval_SmallTable_MatchesTheExactBootstrapDistribution()
    {
        // The bootstrap distribution of the mean of 8 values is finite: enumerate every multiset of
        // 8 draws with its multinomial probability and read off the 2.5% and 97.5% quantiles. python3:
        //   from math import factorial; from itertools import combinations_with_replacement as cwr
        //   from collections import Counter
        //   d = [0.5, -0.25, 0.25, 0.75, 0, 1, -0.5, 0.25]; n = 8; dist = {}
        //   for ms in cwr(range(n), n):
        //       p = factorial(n)
        //       for v in Counter(ms).values(): p //= factorial(v)
        //       m = round(sum(d[i] for i in ms) / n, 10); dist[m] = dist.get(m, 0) + p
        //   cum = 0; lo = hi = None
        //   for m, p in sorted(dist.items()):
        //       cum += p
        //       if lo is None and cum / n**n >= 0.025: lo = m
        //       if hi is None and cum / n**n >= 0.975: hi = m
        //   -> lo = -0.0625, hi = 0.5625 (a Monte Carlo percentile bootstrap with 200000 resamples,
        //      random.seed(1), type-7 quantiles, gives the same two values).
        // Means lie on a grid of 1/32, so the tolerance is one grid step.
        double[] differences = [0.5, -0.25, 0.25, 0.75, 0, 1, -0.5, 0.25];

        var interval = PairedBootstrap.MeanInterval(differences, 0.95, 200_000, new Random(2024));

        Assert.InRange(interval.Lower, -0.0625 - (1 / 32.0), -0.0625 + (1 / 32.0));
        Assert.InRange(interval.Upper, 0.5625 - (1 / 32.0), 0.5625 + (1 / 32.0));
    }
}

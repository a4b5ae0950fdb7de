using Evolve.Core.Stats;

namespace Evolve.Core.Tests.Stats;

// Expected values come from python3 with exact integer arithmetic, e.g.
//   from math import comb; tail = lambda k, n: sum(comb(n, i) for i in range(k + 1)) / 2**n
public sealed class BinomialTests
{
    [Theory]
    // min(1, 2 * tail(1, 10))
    [InlineData(1, 10, 0.021484375)]
    [InlineData(9, 10, 0.021484375)]
    // min(1, 2 * tail(5, 10)) -> 2 * 0.623... capped at 1
    [InlineData(5, 10, 1.0)]
    // 2 * tail(2, 12)
    [InlineData(2, 12, 0.03857421875)]
    // 2 * tail(0, 5) = 2 / 32
    [InlineData(0, 5, 0.0625)]
    // 2 * tail(3, 20)
    [InlineData(3, 20, 0.0025768280029296875)]
    // no trials, no evidence
    [InlineData(0, 0, 1.0)]
    public void TwoSidedPValue_SmallN_MatchesExactTail(int k, int n, double expected)
    {
        Assert.Equal(expected, Binomial.TwoSidedPValue(k, n), 12);
    }

    [Theory]
    // from fractions import Fraction as F; float(2 * F(sum(comb(3000, i) for i in range(1401)), 2**3000))
    [InlineData(1400, 3000, 0.0002785639610392337)]
    // same with range(1201)
    [InlineData(1200, 3000, 5.1676680093043685e-28)]
    public void TwoSidedPValue_ThousandsOfTrials_StaysAccurate(int k, int n, double expected)
    {
        var actual = Binomial.TwoSidedPValue(k, n);

        Assert.InRange(actual / expected, 1 - 1e-9, 1 + 1e-9);
    }

    [Fact]
    public void CumulativeProbability_UnfairCoin_MatchesDirectSum()
    {
        // sum(comb(10, i) * 0.3**i * 0.7**(10 - i) for i in range(4))
        Assert.Equal(0.6496107183999996, Binomial.CumulativeProbability(3, 10, 0.3), 12);
    }

    [Fact]
    public void CumulativeProbability_DegenerateProbabilities_AreExact()
    {
        Assert.Equal(1.0, Binomial.CumulativeProbability(0, 7, 0));
        Assert.Equal(0.0, Binomial.CumulativeProbability(6, 7, 1));
        Assert.Equal(1.0, Binomial.CumulativeProbability(7, 7, 0.4));
    }

    [Fact]
    public void LogProbability_SmallAndLargeN_MatchLogOfExactValue()
    {
        // math.log(comb(5, 2) * 0.2**2 * 0.8**3) = math.log(0.2048)
        Assert.Equal(Math.Log(0.2048), Binomial.LogProbability(2, 5, 0.2), 12);
        // math.log(comb(3000, 100)) - 3000 * math.log(2); the probability itself underflows a double
        Assert.Equal(-1644.2127107929155, Binomial.LogProbability(100, 3000, 0.5), 8);
    }

    [Theory]
    [InlineData(11, 10, 0.5)]
    [InlineData(-1, 10, 0.5)]
    [InlineData(1, 10, 1.5)]
    [InlineData(1, 10, double.NaN)]
    public void CumulativeProbability_InvalidArguments_Throw(int k, int n, double p)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Binomial.CumulativeProbability(k, n, p));
    }
}

using Evolve.Core.Stats;

namespace Evolve.Core.Tests.Stats;

public sealed class SignTestTests
{
    [Theory]
    // python3: from math import comb; 2 * sum(comb(12, i) for i in range(3)) / 2**12 -> 0.03857421875
    [InlineData(10, 2, 0.03857421875)]
    [InlineData(2, 10, 0.03857421875)]
    // 2 * sum(comb(20, i) for i in range(4)) / 2**20 -> 0.0025768280029296875
    [InlineData(17, 3, 0.0025768280029296875)]
    // 2 * 0.5**6 = 0.03125: six of six is the fewest that reach p < 0.05
    [InlineData(6, 0, 0.03125)]
    // 2 * 0.5**5 = 0.0625: five of five is not enough
    [InlineData(5, 0, 0.0625)]
    public void PValue_WinsAndLosses_MatchExactTail(int wins, int losses, double expected)
    {
        Assert.Equal(expected, SignTest.PValue(wins, losses), 15);
    }

    [Fact]
    public void PValue_OnlyTies_IsOne()
    {
        Assert.Equal(1.0, SignTest.PValue(0, 0));
    }

    [Fact]
    public void PValue_Balanced_IsOne()
    {
        Assert.Equal(1.0, SignTest.PValue(7, 7));
    }
}

using Evolve.Core.Stats;

namespace Evolve.Core.Tests.Stats;

public sealed class McNemarTestTests
{
    [Fact]
    public void PValue_OneAgainstNine_IsExactBinomialTail()
    {
        // python3: from math import comb; 2 * sum(comb(10, i) for i in range(2)) / 2**10 -> 0.021484375
        Assert.Equal(0.021484375, McNemarTest.PValue(1, 9), 15);
        Assert.Equal(0.021484375, McNemarTest.PValue(9, 1), 15);
    }

    [Theory]
    [InlineData(4, 4)]
    [InlineData(17, 17)]
    public void PValue_EqualDiscordantCounts_IsOne(int b, int c)
    {
        Assert.Equal(1.0, McNemarTest.PValue(b, c));
    }

    [Fact]
    public void PValue_NoDiscordantPairs_IsOne()
    {
        Assert.Equal(1.0, McNemarTest.PValue(0, 0));
    }

    [Fact]
    public void PValue_AllDiscordantOneWay_IsTwoOverTwoToTheN()
    {
        // 2 * 0.5**10 = 0.001953125
        Assert.Equal(0.001953125, McNemarTest.PValue(0, 10), 15);
    }

    [Fact]
    public void PValue_NegativeCount_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => McNemarTest.PValue(-1, 3));
    }
}

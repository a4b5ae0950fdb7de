using Evolve.Core.Stats;

namespace Evolve.Core.Tests.Stats;

public sealed class HolmTests
{
    [Fact]
    public void Adjust_FourPValues_StepDownInInputOrder()
    {
        // By hand: sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1 = 0.02, 0.03, 0.06, 0.04;
        // running maximum 0.02, 0.03, 0.06, 0.06; back in input order 0.03, 0.06, 0.06, 0.02.
        var adjusted = Holm.Adjust([0.01, 0.04, 0.03, 0.005]);

        Assert.Equal([0.03, 0.06, 0.06, 0.02], adjusted, (x, y) => Math.Abs(x - y) < 1e-12);
    }

    [Fact]
    public void Adjust_LargeProducts_AreCappedAtOne()
    {
        // 0.5 * 2 = 1 and 0.6 * 1 = 0.6 -> running maximum 1, 1.
        Assert.Equal([1.0, 1.0], Holm.Adjust([0.6, 0.5]));
    }

    [Fact]
    public void Adjust_TiedPValues_GetTheSameAdjustedValue()
    {
        // 0.02 * 3 = 0.06, 0.02 * 2 = 0.04 -> 0.06, then 0.5 * 1 = 0.5.
        var adjusted = Holm.Adjust([0.5, 0.02, 0.02]);

        Assert.Equal([0.5, 0.06, 0.06], adjusted, (x, y) => Math.Abs(x - y) < 1e-12);
    }

    [Fact]
    public void Adjust_ManyPValues_KeepTheOrderOfTheRawValues()
    {
        double[] raw = [0.2, 0.001, 0.04, 0.03, 0.9, 0.011, 0.012];

        var adjusted = Holm.Adjust(raw);

        for (var i = 0; i < raw.Length; i++)
        {
            Assert.True(adjusted[i] >= raw[i]);
            for (var j = 0; j < raw.Length; j++)
            {
                Assert.True(raw[i] > raw[j] || adjusted[i] <= adjusted[j], $"p[{i}] <= p[{j}] but adjusted {adjusted[i]} > {adjusted[j]}");
            }
        }
    }

    [Fact]
    public void Adjust_EmptyOrSingle_IsUnchanged()
    {
        Assert.Empty(Holm.Adjust([]));
        Assert.Equal([0.037], Holm.Adjust([0.037]));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void Adjust_InvalidPValue_Throws(double bad)
    {
        Assert.Throws<ArgumentException>(() => Holm.Adjust([0.01, bad]));
    }
}

using Evolve.Core.Gepa.Search;
using static Evolve.Core.Tests.Gepa.Search.SearchKit;

namespace Evolve.Core.Tests.Gepa.Search;

public sealed class GateSamplerTests
{
    [Fact]
    public void Sample_BothSidesWinOften_TwoWinsEachAndOneTie()
    {
        var a = Member("a", 0, [1, 1, 1, 1, 0, 0, 0, 0, 0.5, 0.5]);
        var b = Member("b", 1, [0, 0, 0, 0, 1, 1, 1, 1, 0.5, 0.5]);

        var gate = GateSampler.Sample(a, b, 5, new Random(3));

        Assert.Equal(2, gate.Count(c => a.ValScores[c] > b.ValScores[c]));
        Assert.Equal(2, gate.Count(c => b.ValScores[c] > a.ValScores[c]));
        Assert.Equal(1, gate.Count(c => a.ValScores[c] == b.ValScores[c]));
    }

    [Fact]
    public void Sample_OneSideNeverWins_FillsWithTiesThenOtherWins()
    {
        var a = Member("a", 0, [0.5, 0.5, 0.5, 0.5, 0.5]);
        var b = Member("b", 1, [0.9, 0.9, 0.9, 0.9, 0.5]);

        var gate = GateSampler.Sample(a, b, 5, new Random(3));

        Assert.Equal(Cases(5), gate.Order());
        Assert.Equal("c4", gate[2]); // after b's quota of two wins comes the tie, then b's remaining wins
    }

    [Fact]
    public void Sample_OnlySharedCases_AndNoMoreThanThere()
    {
        var a = Member("a", 0, [0.9, 0.1, double.NaN]);
        var b = Member("b", 1, [0.1, 0.9, 0.7]);

        var gate = GateSampler.Sample(a, b, 5, new Random(3));

        Assert.Equal(["c0", "c1"], gate.Order());
    }

    [Fact]
    public void Sample_DependsOnlyOnTheGenerator()
    {
        var a = Member("a", 0, [1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
        var b = Member("b", 1, [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);

        var runs = Enumerable.Range(0, 2).Select(_ => GateSampler.Sample(a, b, 5, new Random(8))).ToList();
        var other = Enumerable.Range(0, 20).Select(seed => string.Join(",", GateSampler.Sample(a, b, 5, new Random(seed)))).Distinct().Count();

        Assert.Equal(runs[0], runs[1]);
        Assert.True(other > 1, "different seeds should pick different gate cases");
    }

    [Theory]
    [InlineData(3.0, 3.0, 2.0, true)]
    [InlineData(3.5, 3.0, 2.0, true)]
    [InlineData(2.9, 3.0, 2.0, false)]
    [InlineData(2.9, 2.0, 3.0, false)]
    public void MergeGate_Accepts_AtLeastTheBetterParent(double child, double parentA, double parentB, bool expected)
    {
        Assert.Equal(expected, MergeGate.Accepts(child, parentA, parentB));
    }
}

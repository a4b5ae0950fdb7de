using Evolve.Core.Gepa.Search;
using Evolve.Kernel;
using static Evolve.Core.Tests.Gepa.Search.SearchKit;

namespace Evolve.Core.Tests.Gepa.Search;

public sealed class ParentSelectorTests
{
    // a tops cases 0-2, b cases 3-4, c case 5, d is on no front: weights 3:2:1.
    private static readonly PoolMember[] Pool =
    [
        Member("a", 0, [0.9, 0.9, 0.9, 0.1, 0.1, 0.1]),
        Member("b", 1, [0.1, 0.1, 0.1, 0.9, 0.9, 0.1]),
        Member("c", 2, [0.1, 0.1, 0.1, 0.1, 0.1, 0.9]),
        Member("d", 3, [0.55, 0.55, 0.55, 0.55, 0.55, 0.55]),
    ];

    private static readonly ParetoFront Front = ParetoFront.Build(Pool, Cases(6));

    [Fact]
    public void ParetoSelector_TenThousandDraws_FrequenciesFollowFrontCounts()
    {
        var counts = Draw(new ParetoSelector(), 10_000, seed: 7);

        Assert.False(counts.ContainsKey("d"));
        Assert.InRange(counts["a"] / 10_000.0, 0.5 - 0.02, 0.5 + 0.02);
        Assert.InRange(counts["b"] / 10_000.0, (2 / 6.0) - 0.02, (2 / 6.0) + 0.02);
        Assert.InRange(counts["c"] / 10_000.0, (1 / 6.0) - 0.02, (1 / 6.0) + 0.02);
    }

    [Fact]
    public void ParetoSelector_SameSeed_SameSequence()
    {
        var first = Sequence(new ParetoSelector(), 50, seed: 3);
        var second = Sequence(new ParetoSelector(), 50, seed: 3);

        Assert.Equal(first, second);
        Assert.NotEqual(first, Sequence(new ParetoSelector(), 50, seed: 4));
    }

    [Fact]
    public void BestSelector_PicksHighestMean()
    {
        Assert.Equal("d", new BestSelector().Select(Pool, Front, new Random(1)).Id);
    }

    [Fact]
    public void EpsilonGreedySelector_ExploresAboutEpsilonOfTheTime()
    {
        var counts = Draw(new EpsilonGreedySelector(), 10_000, seed: 11);

        // 90% best plus a quarter of the 10% random picks; every member gets about 2.5%.
        Assert.InRange(counts["d"] / 10_000.0, 0.925 - 0.02, 0.925 + 0.02);
        Assert.All(["a", "b", "c"], id => Assert.InRange(counts[id] / 10_000.0, 0.025 - 0.01, 0.025 + 0.01));
    }

    [Fact]
    public void EpsilonGreedySelector_EpsilonZero_AlwaysBest()
    {
        var counts = Draw(new EpsilonGreedySelector(0), 500, seed: 2);

        Assert.Equal(500, Assert.Single(counts).Value);
    }

    [Fact]
    public void TopKParetoSelector_UniformOverTopKSurvivorsByMean()
    {
        // Survivors a (mean 0.5), b (0.367), c (0.233); k = 2 keeps a and b; d is not a survivor.
        var counts = Draw(new TopKParetoSelector(2), 10_000, seed: 5);

        Assert.Equal(["a", "b"], counts.Keys.Order());
        Assert.InRange(counts["a"] / 10_000.0, 0.48, 0.52);
    }

    [Theory]
    [InlineData("pareto", typeof(ParetoSelector))]
    [InlineData("best", typeof(BestSelector))]
    [InlineData("epsilon", typeof(EpsilonGreedySelector))]
    [InlineData("topk", typeof(TopKParetoSelector))]
    public void Create_EachNamedStrategy_GivesThatSelectorAndKeepsItsName(string name, Type expected)
    {
        var selection = ParentSelectors.Named.Single(n => n.Name == name).Value;

        Assert.IsType(expected, ParentSelectors.Create(selection));
        Assert.Equal(name, ParentSelectors.Name(selection));
    }

    [Fact]
    public void Named_EveryStrategyOnce()
    {
        Assert.Equal(Enum.GetValues<ParentSelection>().Order(), ParentSelectors.Named.Select(n => n.Value).Order());
    }

    private static Dictionary<string, int> Draw(IParentSelector selector, int draws, int seed)
        => Sequence(selector, draws, seed).CountBy(id => id).ToDictionary();

    private static List<string> Sequence(IParentSelector selector, int draws, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, draws).Select(_ => selector.Select(Pool, Front, rng).Id).ToList();
    }
}

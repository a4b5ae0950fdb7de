using Evolve.Core.Gepa.Search;
using static Evolve.Core.Tests.Gepa.Search.SearchKit;

namespace Evolve.Core.Tests.Gepa.Search;

public sealed class ParetoFrontTests
{
    [Fact]
    public void Build_TiesWithinTolerance_StayOnTheFrontTogether()
    {
        PoolMember[] pool = [Member("a", 0, [0.8, 0.2]), Member("b", 1, [0.8 + 1e-12, 0.9]), Member("c", 2, [0.5, 0.9])];

        var front = ParetoFront.Build(pool, Cases(2));

        Assert.Equal(["a", "b"], front.Fronts[0].MemberIds);
        Assert.Equal(0.8 + 1e-12, front.Fronts[0].BestScore);
        Assert.Equal(["b", "c"], front.Fronts[1].MemberIds);
    }

    [Fact]
    public void Build_MemberCoveredByAnother_IsRemovedAndUniqueOneKept()
    {
        // b is on case 0 and case 1, a only on case 0 (with b): a is dominated in the set-cover sense.
        // c alone holds case 2, so it must stay even though its mean is the lowest.
        PoolMember[] pool = [Member("a", 0, [0.9, 0.1, 0.0]), Member("b", 1, [0.9, 0.8, 0.0]), Member("c", 2, [0.1, 0.1, 0.3])];

        var front = ParetoFront.Build(pool, Cases(3));

        Assert.Equal(["b", "c"], front.Survivors);
        Assert.Equal(2, front.Size);
        Assert.Equal(2, front.FrontCount("b"));
        Assert.Equal(1, front.FrontCount("c"));
        Assert.Equal(0, front.FrontCount("a"));
        Assert.False(front.Contains("a"));
    }

    [Fact]
    public void Build_IdenticalMembers_KeepsTheOlderOneOnly()
    {
        PoolMember[] pool = [Member("new", 5, [0.7, 0.7]), Member("old", 1, [0.7, 0.7])];

        var front = ParetoFront.Build(pool, Cases(2));

        Assert.Equal(["old"], front.Survivors);
        Assert.Equal(2, front.FrontCount("old"));
    }

    [Fact]
    public void Build_MutualCover_NeverEmptiesAFront()
    {
        // Each front has exactly two members and each member sits on two fronts: removing one makes
        // its partners the last on their fronts, so pruning must stop before any front is empty.
        PoolMember[] pool = [Member("a", 0, [1, 1, 0]), Member("b", 1, [1, 0, 1]), Member("c", 2, [0, 1, 1])];

        var front = ParetoFront.Build(pool, Cases(3));

        Assert.Equal(["a", "b"], front.Survivors);
        Assert.All(front.Fronts, f => Assert.Contains(f.MemberIds, front.Contains));
    }

    [Fact]
    public void Build_FewestFrontsRemovedFirst_ThenHighestIndex()
    {
        // Everyone is removable at the start. a is on one front only, so it goes first; then b, c and d
        // are each on two fronts and d has the highest index; after that b and c each hold a front alone.
        PoolMember[] pool = [Member("a", 0, [1, 0, 0]), Member("b", 1, [1, 1, 0]), Member("c", 2, [0, 1, 1]), Member("d", 3, [1, 0, 1])];

        var front = ParetoFront.Build(pool, Cases(3));

        Assert.Equal(["b", "c"], front.Survivors);
        Assert.Equal(2, front.FrontCount("b"));
        Assert.Equal(2, front.FrontCount("c"));
    }

    [Fact]
    public void Build_CaseNobodyScored_HasNoFront()
    {
        PoolMember[] pool = [Member("a", 0, [0.4, double.NaN]), Member("b", 1, [0.6, double.NaN])];

        var front = ParetoFront.Build(pool, Cases(2));

        var only = Assert.Single(front.Fronts);
        Assert.Equal("c0", only.CaseId);
        Assert.Equal(["b"], front.Survivors);
    }

    [Fact]
    public void Build_DuplicateIds_Throws()
    {
        PoolMember[] pool = [Member("a", 0, [0.4]), Member("a", 1, [0.6])];

        Assert.Throws<ArgumentException>(() => ParetoFront.Build(pool, Cases(1)));
    }

    [Fact]
    public void Best_HighestMean_Wins()
    {
        PoolMember[] pool = [Member("a", 0, [0.5, 0.5]), Member("b", 1, [0.9, 0.3]), Member("c", 2, [0.2, 0.2])];

        Assert.Equal("b", ParetoFront.Best(pool).Id);
    }

    [Fact]
    public void Best_EqualMeans_MoreCasesScoredWins()
    {
        PoolMember[] pool = [Member("a", 0, [0.6, double.NaN]), Member("b", 1, [0.6, 0.6])];

        Assert.Equal("b", ParetoFront.Best(pool).Id);
    }

    [Fact]
    public void Best_EqualMeansAndCounts_LowerIndexWins()
    {
        PoolMember[] pool = [Member("late", 4, [0.6, 0.4]), Member("early", 2, [0.4, 0.6]), Member("worse", 0, [0.1, 0.1])];

        Assert.Equal("early", ParetoFront.Best(pool).Id);
    }

    [Fact]
    public void Mean_OverScoredCasesOnly()
    {
        Assert.Equal(0.5, Member("a", 0, [0.2, double.NaN, 0.8]).Mean, 12);
        Assert.Equal(0, Member("b", 0, []).Mean);
    }
}

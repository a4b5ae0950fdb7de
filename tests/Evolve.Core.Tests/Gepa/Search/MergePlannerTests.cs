using Evolve.Core.Evaluation;
using Evolve.Core.Gepa.Search;
using static Evolve.Core.Tests.Gepa.Search.SearchKit;
using Texts = System.Collections.Generic.IReadOnlyDictionary<string, string>;

namespace Evolve.Core.Tests.Gepa.Search;

public sealed class MergePlannerTests
{
    private static readonly HashSet<(string A, string B)> NoneTried = [];

    // The seed s is beaten everywhere, so the survivors are a (wins c0, c1) and b (wins c2-c4), tied on c5.
    private static readonly PoolMember[] SiblingPool =
    [
        Member("s", 0, [0.5, 0.5, 0.5, 0.5, 0.5, 0.5]),
        Member("a", 1, [0.9, 0.9, 0.6, 0.5, 0.5, 0.6], "s"),
        Member("b", 2, [0.6, 0.5, 0.9, 0.9, 0.9, 0.6], "s"),
    ];

    [Fact]
    public void Plan_Siblings_TakesEachChangedSideAndHigherMeanWhenBothChanged()
    {
        var components = new Dictionary<string, Texts>
        {
            ["s"] = Texts(("sys", "S0"), ("tools", "T0"), ("fmt", "F0"), ("notes", "N0")),
            ["a"] = Texts(("sys", "S1"), ("tools", "T0"), ("fmt", "F1"), ("notes", "N0")),
            ["b"] = Texts(("sys", "S0"), ("tools", "T1"), ("fmt", "F2"), ("notes", "N0")),
        };

        var proposal = Plan(SiblingPool, components, NoneTried, seed: 1);

        Assert.NotNull(proposal);
        Assert.Equal(("a", "b", "s"), (proposal.ParentA, proposal.ParentB, proposal.Ancestor));
        Assert.Equal(Texts(("fmt", "F2"), ("notes", "N0"), ("sys", "S1"), ("tools", "T1")), proposal.Components);
        Assert.Equal(["fmt", "notes", "sys", "tools"], proposal.Components.Keys);
    }

    [Fact]
    public void Plan_GateCases_StratifiedByWhereEachParentWins()
    {
        var proposal = Plan(SiblingPool, SiblingTexts(), NoneTried, seed: 4);

        Assert.NotNull(proposal);
        var gate = proposal.GateCaseIds;
        Assert.Equal(5, gate.Count);
        Assert.Equal(5, gate.Distinct().Count());
        Assert.Contains("c0", gate); // a's two wins
        Assert.Contains("c1", gate);
        Assert.Contains("c5", gate); // the tie
        Assert.Equal(2, gate.Count(c => c is "c2" or "c3" or "c4")); // two of b's three wins
    }

    [Fact]
    public void Plan_SameSeed_SameProposal()
    {
        var first = Plan(SiblingPool, SiblingTexts(), NoneTried, seed: 9);
        var second = Plan(SiblingPool, SiblingTexts(), NoneTried, seed: 9);

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.Equal(first.GateCaseIds, second.GateCaseIds);
        Assert.Equal(first.Components, second.Components);
    }

    [Fact]
    public void Plan_OnlyAncestorPairsSurvive_ReturnsNull()
    {
        // a and its child c both survive (each wins a case), but one is the other's ancestor.
        PoolMember[] pool =
        [
            Member("s", 0, [0.1, 0.1]),
            Member("a", 1, [0.9, 0.2], "s"),
            Member("c", 2, [0.3, 0.8], "a"),
        ];
        var components = new Dictionary<string, Texts>
        {
            ["s"] = Texts(("sys", "S0"), ("tools", "T0")),
            ["a"] = Texts(("sys", "S1"), ("tools", "T0")),
            ["c"] = Texts(("sys", "S1"), ("tools", "T1")),
        };

        Assert.Equal(["a", "c"], ParetoFront.Build(pool, Cases(2)).Survivors);
        Assert.Null(Plan(pool, components, NoneTried, seed: 1));
    }

    [Fact]
    public void Plan_PairAlreadyTried_ReturnsNull()
    {
        Assert.Null(Plan(SiblingPool, SiblingTexts(), new HashSet<(string, string)> { ("b", "a") }, seed: 1));
    }

    [Fact]
    public void Plan_BothSidesChangedOnlyTheSameComponent_ReturnsNull()
    {
        var components = new Dictionary<string, Texts>
        {
            ["s"] = Texts(("sys", "S0"), ("tools", "T0")),
            ["a"] = Texts(("sys", "S1"), ("tools", "T0")),
            ["b"] = Texts(("sys", "S2"), ("tools", "T0")),
        };

        Assert.Null(Plan(SiblingPool, components, NoneTried, seed: 1));
    }

    [Fact]
    public void Plan_ChildWouldEqualAParent_ReturnsNull()
    {
        // b's only change (tools) was also made by a with the same text, so taking b's side there
        // and a's sys would just rebuild a.
        var components = new Dictionary<string, Texts>
        {
            ["s"] = Texts(("sys", "S0"), ("tools", "T0")),
            ["a"] = Texts(("sys", "S1"), ("tools", "T1")),
            ["b"] = Texts(("sys", "S0"), ("tools", "T1")),
        };

        Assert.Null(Plan(SiblingPool, components, NoneTried, seed: 1));
    }

    [Fact]
    public void Plan_ChildAlreadyInPool_ReturnsNull()
    {
        // The merge of a and b would be {S1, T1}; a weak member with exactly those texts exists.
        var existing = Candidate.ComputeId(Texts(("sys", "S1"), ("tools", "T1")));
        PoolMember[] pool = [.. SiblingPool, Member(existing, 3, [0, 0, 0, 0, 0, 0])];
        var components = SiblingTexts();
        components[existing] = Texts(("sys", "S1"), ("tools", "T1"));

        Assert.NotNull(Plan(SiblingPool, components, NoneTried, seed: 1));
        Assert.Null(Plan(pool, components, NoneTried, seed: 1));
    }

    [Fact]
    public void Plan_AncestorScoresHigherThanAParent_ReturnsNull()
    {
        // s has one score, 0.95, tied with a on c0: it is pruned from the front, but its mean beats both.
        PoolMember[] pool =
        [
            Member("s", 0, [0.95, double.NaN, double.NaN]),
            Member("a", 1, [0.95, 0.2, 0.1], "s"),
            Member("b", 2, [0.1, 0.2, 0.9], "s"),
        ];

        Assert.Equal(["a", "b"], ParetoFront.Build(pool, Cases(3)).Survivors);
        Assert.Null(Plan(pool, SiblingTexts(), NoneTried, seed: 1));
    }

    [Fact]
    public void Plan_SkipsTooStrongAncestor_UsesOlderOne()
    {
        // p is the most recent common ancestor but out-scores both; the seed s still qualifies. Against
        // s both changed sys (b has the higher mean, so S2) and only a changed tools.
        PoolMember[] pool =
        [
            Member("s", 0, [0.1, 0.1, 0.1]),
            Member("p", 1, [0.9, double.NaN, double.NaN], "s"),
            Member("a", 2, [0.9, 0.7, 0.2], "p"),
            Member("b", 3, [0.3, 0.6, 1.0], "p"),
        ];
        var components = new Dictionary<string, Texts>
        {
            ["s"] = Texts(("sys", "S0"), ("tools", "T0")),
            ["p"] = Texts(("sys", "S1"), ("tools", "T0")),
            ["a"] = Texts(("sys", "S1"), ("tools", "T1")),
            ["b"] = Texts(("sys", "S2"), ("tools", "T0")),
        };

        var proposal = Plan(pool, components, NoneTried, seed: 1);

        Assert.NotNull(proposal);
        Assert.Equal("s", proposal.Ancestor);
        Assert.Equal(Texts(("sys", "S2"), ("tools", "T1")), proposal.Components);
    }

    [Fact]
    public void Plan_MissingComponentTexts_Throws()
    {
        var components = SiblingTexts();
        components.Remove("s");

        Assert.Throws<ArgumentException>(() => Plan(SiblingPool, components, NoneTried, seed: 1));
    }

    [Fact]
    public void Plan_SingleSurvivor_ReturnsNull()
    {
        PoolMember[] pool = [Member("s", 0, [0.5]), Member("a", 1, [0.9], "s")];

        Assert.Null(Plan(pool, SiblingTexts(), NoneTried, seed: 1));
    }

    private static Dictionary<string, Texts> SiblingTexts() => new()
    {
        ["s"] = Texts(("sys", "S0"), ("tools", "T0")),
        ["a"] = Texts(("sys", "S1"), ("tools", "T0")),
        ["b"] = Texts(("sys", "S0"), ("tools", "T1")),
    };

    private static MergeProposal? Plan(PoolMember[] pool, Dictionary<string, Texts> components, IReadOnlySet<(string A, string B)> tried, int seed)
        => new MergePlanner().Plan(pool, ParetoFront.Build(pool, Cases(6)), components, tried, new Random(seed));
}

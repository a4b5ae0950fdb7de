using Evolve.Core.Suites;

namespace Evolve.Core.Tests.Suites;

public sealed class SplitAssignerTests
{
    private static List<EvalCase> Cases(int count, Func<int, Split?>? split = null) =>
        Enumerable.Range(0, count)
            .Select(i => new EvalCase { Id = $"case-{i}", Split = split?.Invoke(i), Source = new SourceLocation("c.yaml", i + 1) })
            .ToList();

    private static int[] Counts(IEnumerable<EvalCase> cases) =>
        [.. new[] { Split.Train, Split.Val, Split.Holdout }.Select(s => cases.Count(c => c.Split == s))];

    [Theory]
    [InlineData(10, 5, 3, 2)]
    [InlineData(7, 4, 2, 1)]
    [InlineData(3, 1, 1, 1)]
    [InlineData(164, 82, 49, 33)]
    public void Assign_Ratio_GivesLargestRemainderCounts(int total, int train, int val, int holdout)
    {
        var assigned = SplitAssigner.Assign(Cases(total), new SplitRatio(0.5, 0.3, 0.2, 7));

        Assert.Equal([train, val, holdout], Counts(assigned));
    }

    [Fact]
    public void Assign_SameSeed_GivesSameAssignment()
    {
        var first = SplitAssigner.Assign(Cases(50), new SplitRatio(0.5, 0.3, 0.2, 7));
        var second = SplitAssigner.Assign(Cases(50).AsEnumerable().Reverse().ToList(), new SplitRatio(0.5, 0.3, 0.2, 7));

        Assert.Equal(
            first.OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => c.Split),
            second.OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => c.Split));
    }

    [Fact]
    public void Assign_OtherSeed_GivesOtherAssignmentWithSameCounts()
    {
        var first = SplitAssigner.Assign(Cases(50), new SplitRatio(0.5, 0.3, 0.2, 7));
        var second = SplitAssigner.Assign(Cases(50), new SplitRatio(0.5, 0.3, 0.2, 8));

        Assert.NotEqual(first.Select(c => c.Split), second.Select(c => c.Split));
        Assert.Equal(Counts(first), Counts(second));
    }

    [Fact]
    public void Assign_ExplicitSplits_AreKeptAndCountTowardsTheRatio()
    {
        var cases = Cases(10, i => i < 4 ? Split.Train : null);

        var assigned = SplitAssigner.Assign(cases, new SplitRatio(0.5, 0.3, 0.2, 1));

        Assert.All(assigned.Take(4), c => Assert.Equal(Split.Train, c.Split));
        Assert.Equal([5, 3, 2], Counts(assigned));
    }

    [Fact]
    public void Assign_ExplicitSplitsOverfillingOne_FillsTheOthersInProportion()
    {
        var cases = Cases(10, i => i < 8 ? Split.Train : null);

        var assigned = SplitAssigner.Assign(cases, new SplitRatio(0.5, 0.3, 0.2, 1));

        Assert.Equal([8, 1, 1], Counts(assigned));
    }
}

using Evolve.Core.Gepa.Reflection;

namespace Evolve.Core.Tests.Gepa.Reflection;

public sealed class EditSummaryTests
{
    [Fact]
    public void Describe_OneLineAdded_CountsAndShowsIt()
    {
        var summary = EditSummary.Describe("A\nB\n", "A\nB\n- Handle the empty list.\n");

        Assert.Equal("+1 -0 lines\n+ - Handle the empty list.", summary);
    }

    [Fact]
    public void Describe_LineReplaced_ShowsAddedThenRemoved()
    {
        var summary = EditSummary.Describe("A\nB\nC", "A\nX\nC");

        Assert.Equal("+1 -1 lines\n+ X\n- B", summary);
    }

    [Fact]
    public void Describe_SameLines_IsNoChange()
    {
        Assert.Equal("no change", EditSummary.Describe("A\n\nB", "A\nB\n"));
    }

    [Fact]
    public void Describe_ManyChanges_ListsSixAndCountsTheRest()
    {
        var after = string.Join('\n', Enumerable.Range(0, 10).Select(i => $"new line {i} " + new string('z', 200)));

        var summary = EditSummary.Describe("old", after).Split('\n');

        Assert.Equal("+10 -1 lines", summary[0]);
        Assert.Equal(8, summary.Length);
        Assert.All(summary[1..7], l => Assert.True(l.Length <= 120, l));
        Assert.Equal("(and 5 more changed lines)", summary[^1]);
    }
}

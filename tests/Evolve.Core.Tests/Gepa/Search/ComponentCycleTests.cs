using Evolve.Core.Gepa.Search;

namespace Evolve.Core.Tests.Gepa.Search;

public sealed class ComponentCycleTests
{
    private static readonly string[] Components = ["system.md", "tools.md", "skill.md"];

    [Fact]
    public void Next_WalksComponentsInOrderAndWraps()
    {
        var pointer = 0;
        var chosen = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var choice = ComponentCycle.Next(Components, pointer);
            chosen.Add(choice.Component);
            pointer = choice.ChildPointer;
        }

        Assert.Equal(["system.md", "tools.md", "skill.md", "system.md", "tools.md"], chosen);
        Assert.Equal(5, pointer);
    }

    [Fact]
    public void Next_SingleComponent_AlwaysThatOne()
    {
        Assert.Equal(new ComponentChoice("only", 8), ComponentCycle.Next(["only"], 7));
    }

    [Fact]
    public void Inherit_MergeChild_TakesFurthestPointer()
    {
        Assert.Equal(7, ComponentCycle.Inherit([4, 7]));
        Assert.Equal("tools.md", ComponentCycle.Next(Components, ComponentCycle.Inherit([7, 2])).Component);
    }

    [Fact]
    public void Next_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ComponentCycle.Next([], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ComponentCycle.Next(Components, -1));
        Assert.Throws<ArgumentException>(() => ComponentCycle.Inherit([]));
    }
}

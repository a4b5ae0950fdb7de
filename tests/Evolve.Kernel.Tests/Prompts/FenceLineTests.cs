using Evolve.Kernel.Prompts;

namespace Evolve.Kernel.Tests.Prompts;

public sealed class FenceLineTests
{
    [Theory]
    [InlineData("```", 3, "")]
    [InlineData("   ````python title=a.py ", 4, "python title=a.py")]
    public void Read_FenceLine_TicksAndInfo(string line, int ticks, string info)
    {
        Assert.Equal(new FenceLine(ticks, info), FenceLine.Read(line));
    }

    [Theory]
    [InlineData("``")]
    [InlineData("    ```")]
    [InlineData("text ```")]
    public void Read_NotAFence_IsNull(string line)
    {
        Assert.Null(FenceLine.Read(line));
    }

    [Fact]
    public void LanguageCanOpenCloses_FollowTheInfoString()
    {
        var opening = FenceLine.Read("```Python title=a.py")!.Value;

        Assert.Equal("Python", opening.Language);
        Assert.True(opening.CanOpen);
        Assert.False(FenceLine.Read("```a`b")!.Value.CanOpen);
        Assert.True(FenceLine.Read("````")!.Value.Closes(3));
        Assert.False(FenceLine.Read("```")!.Value.Closes(4));
        Assert.False(opening.Closes(3));
    }
}

using Evolve.Kernel.Prompts;

namespace Evolve.Kernel.Tests.Prompts;

public sealed class FencedBlockTests
{
    [Fact]
    public void Wrap_ContentWithItsOwnFence_ReadsBackWhole()
    {
        const string content = "Answer in a block:\n```python\nprint(1)\n```\ndone";

        var wrapped = FencedBlock.Wrap(content);

        Assert.StartsWith("````\n", wrapped, StringComparison.Ordinal);
        Assert.Equal(content, FencedBlock.First("before\n" + wrapped + "\nafter")?.Content);
    }

    [Fact]
    public void First_TextAroundTheBlock_IsReturnedAsOutside()
    {
        var block = FencedBlock.First("intro\n```\nbody\n```\noutro");

        Assert.Equal(("body", "intro\noutro"), block);
    }

    [Fact]
    public void First_NoFence_IsNull()
    {
        Assert.Null(FencedBlock.First("no block here, only `inline` code"));
    }
}

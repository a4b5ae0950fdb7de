using Evolve.Kernel.Prompts;

namespace Evolve.Kernel.Tests.Prompts;

public sealed class FencedBlockTests
{
    private static readonly string[] Python = ["python", "py", ""];

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

    [Fact]
    public void First_FenceIndentedFourSpaces_IsNotAFence()
    {
        Assert.Null(FencedBlock.First("    ```\n    code\n    ```"));
    }

    [Fact]
    public void First_InnerShorterFence_DoesNotCloseTheBlock()
    {
        Assert.Equal("a\n```\nb", FencedBlock.First("````\na\n```\nb\n````")?.Content);
    }

    [Fact]
    public void FirstIn_SkipsOtherLanguages_ReturnsFirstPythonContent()
    {
        var text = "Run:\n```sh\nls\n```\nThen:\n```Python title=a.py\nx = 1\n```\n```python\ny = 2\n```";

        Assert.Equal("x = 1", FencedBlock.FirstIn(text, Python));
    }

    [Fact]
    public void FirstIn_BareFence_IsAcceptedByTheEmptyLanguage()
    {
        Assert.Equal("print(1)", FencedBlock.FirstIn("```\nprint(1)\n```", Python));
        Assert.Null(FencedBlock.FirstIn("```\nprint(1)\n```", "python"));
    }

    [Fact]
    public void FirstIn_UnterminatedBlock_RunsToTheEnd()
    {
        Assert.Equal("def f():\n    return 1", FencedBlock.FirstIn("```python\r\ndef f():\r\n    return 1", Python));
    }

    [Fact]
    public void FirstIn_FenceInsideALine_IsNotAFence()
    {
        Assert.Null(FencedBlock.FirstIn("use ```python blocks``` please", Python));
    }

    [Theory]
    [InlineData("```json\n{\"a\": 1}\n```", "{\"a\": 1}")]
    [InlineData("  ```\n[1]\n```  ", "[1]")]
    [InlineData("\n````\n```x```\n````\n", "```x```")]
    [InlineData("text ```json\n{}\n```", null)]
    [InlineData("```json\n{}\n```\n```json\n[]\n```", null)]
    [InlineData("```json\n{}", null)]
    [InlineData("```json {}```", null)]
    public void Whole_ReturnsContentOnlyForOneWholeClosedBlock(string text, string? expected)
    {
        Assert.Equal(expected, FencedBlock.Whole(text));
    }
}

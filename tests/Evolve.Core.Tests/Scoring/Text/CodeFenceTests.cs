using Evolve.Core.Scoring.Text;

namespace Evolve.Core.Tests.Scoring.Text;

public sealed class CodeFenceTests
{
    private static readonly string[] Python = ["python", "py", ""];

    [Fact]
    public void TryFind_SkipsOtherLanguages_ReturnsFirstPythonBody()
    {
        var text = "Run:\n```sh\nls\n```\nThen:\n```Python title=a.py\nx = 1\n```\n```python\ny = 2\n```";

        Assert.True(CodeFence.TryFind(text, Python, out var body));
        Assert.Equal("x = 1\n", body);
    }

    [Fact]
    public void TryFind_BareFence_IsAccepted()
    {
        Assert.True(CodeFence.TryFind("```\nprint(1)\n```", Python, out var body));
        Assert.Equal("print(1)\n", body);
    }

    [Fact]
    public void TryFind_UnterminatedBlock_RunsToTheEnd()
    {
        Assert.True(CodeFence.TryFind("```python\ndef f():\n    return 1", Python, out var body));
        Assert.Equal("def f():\n    return 1", body);
    }

    [Fact]
    public void TryFind_FenceInsideALine_IsNotAFence()
    {
        Assert.False(CodeFence.TryFind("use ```python blocks``` please", Python, out _));
    }

    [Theory]
    [InlineData("```json\n{\"a\": 1}\n```", "{\"a\": 1}\n")]
    [InlineData("  ```\n[1]\n```  ", "[1]\n")]
    [InlineData("text ```json\n{}\n```", null)]
    [InlineData("```json\n{}\n```\n```json\n[]\n```", null)]
    public void WholeBlockBody_ReturnsBodyOnlyForOneWholeBlock(string text, string? expected)
    {
        Assert.Equal(expected, CodeFence.WholeBlockBody(text));
    }
}

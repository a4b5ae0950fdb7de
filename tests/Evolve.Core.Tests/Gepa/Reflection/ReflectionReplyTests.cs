using Evolve.Core.Gepa.Reflection;
using Microsoft.Extensions.AI;

namespace Evolve.Core.Tests.Gepa.Reflection;

public sealed class ReflectionReplyTests
{
    [Fact]
    public void Parse_FencedBlockWithLanguageTag_ReturnsItsContent()
    {
        var outcome = ReflectionReply.Parse("Here it is:\n\n```text\nLine one.\nLine two.\n```\nDone.", ChatFinishReason.Stop);

        Assert.Equal(new ReflectionOutcome("Line one.\nLine two.", null), outcome);
        Assert.True(outcome.IsUsable);
    }

    [Fact]
    public void Parse_TwoBlocks_TakesTheFirst()
    {
        var outcome = ReflectionReply.Parse("```\nfirst\n```\n\n```\nsecond\n```", null);

        Assert.Equal("first", outcome.Text);
    }

    [Fact]
    public void Parse_NestedTaggedBlock_KeepsItInsideTheText()
    {
        const string Reply = "```\nAnswer like this:\n```python\ndef f():\n    pass\n```\nNothing else.\n```\ntrailing";

        var outcome = ReflectionReply.Parse(Reply, ChatFinishReason.Stop);

        Assert.Equal("Answer like this:\n```python\ndef f():\n    pass\n```\nNothing else.", outcome.Text);
    }

    [Fact]
    public void Parse_LongerOuterFence_IsClosedOnlyByALongEnoughFence()
    {
        var outcome = ReflectionReply.Parse("````\nuse ```\n```\nend\n````", ChatFinishReason.Stop);

        Assert.Equal("use ```\n```\nend", outcome.Text);
    }

    [Fact]
    public void Parse_FinishReasonLength_IsAProblemEvenWithAClosedBlock()
    {
        var outcome = ReflectionReply.Parse("```\ncomplete looking\n```", ChatFinishReason.Length);

        Assert.Null(outcome.Text);
        Assert.Contains("cut off", outcome.Problem, StringComparison.Ordinal);
        Assert.False(outcome.IsUsable);
    }

    [Fact]
    public void Parse_UnclosedFence_IsRefusedAsTruncated()
    {
        var outcome = ReflectionReply.Parse("```\nYou are a Python programmer.\nAlways handle the empty", ChatFinishReason.Stop);

        Assert.Null(outcome.Text);
        Assert.Equal("the reply's fenced block is never closed, so the reply looks truncated", outcome.Problem);
    }

    [Fact]
    public void Parse_NoFence_IsAProblem()
    {
        var outcome = ReflectionReply.Parse("You are a Python programmer. Handle empty lists.", ChatFinishReason.Stop);

        Assert.Equal(new ReflectionOutcome(null, "the reply has no fenced block with the new text"), outcome);
    }

    [Fact]
    public void Parse_WhitespaceOnlyBlock_IsAProblem()
    {
        var outcome = ReflectionReply.Parse("```\n   \n\n```", ChatFinishReason.Stop);

        Assert.Equal(new ReflectionOutcome(null, "the reply's fenced block is empty"), outcome);
    }

    [Fact]
    public void Parse_CrLfLineEndings_AreNormalized()
    {
        var outcome = ReflectionReply.Parse("```\r\na\r\nb\r\n```\r\n", ChatFinishReason.Stop);

        Assert.Equal("a\nb", outcome.Text);
    }
}

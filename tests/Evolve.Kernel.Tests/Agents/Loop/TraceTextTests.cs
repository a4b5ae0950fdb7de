using Evolve.Kernel.Agents.Loop;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Tests.Agents.Loop;

public sealed class TraceTextTests
{
    [Fact]
    public void Of_ToolCallMessage_ShowsTextAndCallWithArguments()
    {
        var message = new ChatMessage(ChatRole.Assistant, [new TextContent("Testing first."), new FunctionCallContent("c1", "run_python", new Dictionary<string, object?> { ["code"] = "print(1)" })]);

        Assert.Equal("Testing first.\n[tool call run_python {\"code\":\"print(1)\"}]", TraceText.Of(message));
    }

    [Fact]
    public void Of_ToolResultMessage_ShowsResult()
    {
        var message = new ChatMessage(ChatRole.Tool, [new FunctionResultContent("c1", "1/2 tests passed")]);

        Assert.Equal("", message.Text);
        Assert.Equal("[tool result c1]\n1/2 tests passed", TraceText.Of(message));
    }

    [Fact]
    public void Of_PlainMessage_IsItsText()
    {
        Assert.Equal("hello", TraceText.Of(new ChatMessage(ChatRole.User, "hello")));
    }
}

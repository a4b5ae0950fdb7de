using Evolve.Core.Scoring;
using static Evolve.Core.Tests.Scoring.ScoringKit;

namespace Evolve.Core.Tests.Scoring.Assertions;

/// <summary>tool-call-f1 and the is-valid-*-call types read the tool calls of the agent's session.</summary>
public sealed class ToolCallEvaluatorTests
{
    private const string AddSchema = """{"type":"object","properties":{"a":{"type":"integer"},"b":{"type":"integer"}},"required":["a","b"]}""";

    private static Answer Calls(params ToolCall[] calls) => new("done")
    {
        ToolCalls = calls,
        OfferedTools = new Dictionary<string, string> { ["add"] = AddSchema, ["search"] = """{"type":"object"}""" },
    };

    [Fact]
    public async Task ToolCallF1_ExactlyTheExpectedTools_Passes_ExtraOrMissingOnesLowerIt()
    {
        var spec = Spec("tool-call-f1", new List<object?> { "add", "search" });

        var (exact, _) = await EvaluateAsync(spec, "done", answer: Calls(new ToolCall("add", "{}"), new ToolCall("search", "{}"), new ToolCall("add", "{}")));
        var (half, _) = await EvaluateAsync(spec, "done", answer: Calls(new ToolCall("add", "{}"), new ToolCall("shell", "{}")));

        Assert.Equal((true, 1.0), (exact.Pass, exact.Value));
        Assert.False(half.Pass);
        Assert.Equal(0.5, half.Value, 6);
        Assert.Contains("never called \"search\"", half.Feedback, StringComparison.Ordinal);
        Assert.Contains("also called \"shell\"", half.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToolCallF1_Threshold_AcceptsAPartialMatch()
    {
        var (score, _) = await EvaluateAsync(Spec("tool-call-f1", "add, search", threshold: 0.6), "done", answer: Calls(new ToolCall("add", "{}")));

        Assert.True(score.Pass);
        Assert.Equal(2.0 / 3, score.Value, 6);
    }

    [Fact]
    public async Task IsValidToolsCall_ValidArguments_Pass()
    {
        var (score, _) = await EvaluateAsync(Spec("is-valid-openai-tools-call"), "done", answer: Calls(new ToolCall("add", """{"a":1,"b":2}""")));

        Assert.True(score.Pass);
    }

    [Theory]
    [InlineData("add", """{"a":1}""", "invalid arguments")]
    [InlineData("add", """{"a":"one","b":2}""", "invalid arguments")]
    [InlineData("delete_everything", "{}", "not one of its tools")]
    public async Task IsValidToolsCall_BadCall_FailsNamingIt(string name, string arguments, string expected)
    {
        var (score, _) = await EvaluateAsync(Spec("is-valid-openai-tools-call"), "done", answer: Calls(new ToolCall("add", """{"a":1,"b":2}"""), new(name, arguments)));

        Assert.False(score.Pass);
        Assert.Contains(expected, score.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IsValidFunctionCall_NoCall_Fails()
    {
        var (score, _) = await EvaluateAsync(Spec("is-valid-function-call"), "done", answer: Calls());

        Assert.False(score.Pass);
        Assert.Contains("no tool call", score.Feedback, StringComparison.Ordinal);
    }
}

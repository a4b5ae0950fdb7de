using Evolve.Kernel.Agents;
using Evolve.Kernel.Providers;
using Microsoft.Extensions.AI;
using static Evolve.Tests.Shared.ScriptedChatClient;

namespace Evolve.Kernel.Tests.Agents.Loop;

public sealed class ReactLoopTests
{
    private readonly List<string> _invocations = [];

    private ChatOptions Options(object? maxSteps = null)
    {
        var options = new ChatOptions
        {
            AdditionalProperties = [],
            Tools = [AIFunctionFactory.Create((string q) => { _invocations.Add(q); return $"result for {q}"; }, "lookup", "Looks things up.")],
        };
        if (maxSteps is not null)
        {
            options.AdditionalProperties[ModelRequestKeys.Heuristics] = new Dictionary<string, object> { ["max_steps"] = maxSteps };
        }

        return options;
    }

    private static List<ChatMessage> Task() => [new(ChatRole.System, "sys"), new(ChatRole.User, "task")];

    private static Task<AgentTurn> Run(IChatClient client, ChatOptions options) =>
        AgentSession.RunAsync(client, Task(), options, TimeProvider.System, TestContext.Current.CancellationToken);

    [Fact]
    public async Task RunAsync_ToolCallThenAnswer_InvokesToolAndTracesIt()
    {
        var client = Sequence(_ => Call("c1", "lookup", ("q", "pi")), _ => Answer("pi is 3.14"));

        var turn = await Run(client, Options());

        Assert.Equal("pi is 3.14", turn.Output);
        Assert.Equal(["pi"], _invocations);
        Assert.Equal(2, client.Received.Count);
        var result = Assert.Single(client.Received[1].Messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>());
        Assert.Equal(("c1", "result for pi"), (result.CallId, result.Result?.ToString()));
        Assert.Equal([ChatRole.System, ChatRole.User, ChatRole.Assistant, ChatRole.Tool, ChatRole.Assistant], turn.Messages.Select(m => m.Role));
        // Two calls: a tool call (no text) and "pi is 3.14".
        Assert.Equal((20L, 10L), (turn.Usage!.InputTokenCount, turn.Usage.OutputTokenCount));
        Assert.False(turn.CacheHit);
    }

    [Fact]
    public async Task RunAsync_NoToolCall_OneModelCall()
    {
        var client = Sequence(_ => Answer("done"));

        var turn = await Run(client, new ChatOptions());

        Assert.Equal("done", turn.Output);
        Assert.Single(client.Received);
        Assert.Equal(3, turn.Messages.Count);
    }

    [Fact]
    public async Task RunAsync_ModelNeverAnswers_StopsAtMaxStepsFromHeuristics()
    {
        var client = Sequence(step => Call($"c{step}", "lookup", ("q", $"query {step}")));

        var turn = await Run(client, Options(maxSteps: 4));

        Assert.Equal(4, client.Received.Count);
        Assert.Equal(3, _invocations.Count);
        Assert.Contains("step limit (4 model calls)", turn.Output, StringComparison.Ordinal);
        Assert.Equal(turn.Output, turn.Messages[^1].Text);
    }

    [Theory]
    [InlineData(3L, 3)]
    [InlineData("2", 2)]
    [InlineData(0L, 6)]
    [InlineData("many", 6)]
    public async Task RunAsync_MaxStepsOfAnyKnobType_HonouredOrDefaulted(object maxSteps, int expectedCalls)
    {
        var client = Sequence(step => Call($"c{step}", "lookup", ("q", $"query {step}")));

        await Run(client, Options(maxSteps));

        Assert.Equal(expectedCalls, client.Received.Count);
    }

    [Fact]
    public async Task RunAsync_NoMaxSteps_DefaultsToSix()
    {
        var client = Sequence(step => Call($"c{step}", "lookup", ("q", $"query {step}")));

        await Run(client, Options());

        Assert.Equal(6, client.Received.Count);
    }

    [Fact]
    public async Task RunAsync_SameCallThreeTimesInARow_StopsAsDoomLoop()
    {
        var client = Sequence(step => Call($"c{step}", "lookup", ("q", "same")));

        var turn = await Run(client, Options(maxSteps: 10));

        Assert.Equal(3, client.Received.Count);
        Assert.Equal(["same", "same"], _invocations);
        Assert.Contains("'lookup' was repeated 3 times in a row", turn.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_RepeatedCallWithChangeBetween_IsNotADoomLoop()
    {
        string[] queries = ["a", "a", "b", "a", "a"];
        var client = Sequence(step => step <= queries.Length ? Call($"c{step}", "lookup", ("q", queries[step - 1])) : Answer("ok"));

        var turn = await Run(client, Options(maxSteps: 10));

        Assert.Equal("ok", turn.Output);
        Assert.Equal(queries, _invocations);
    }

    [Fact]
    public async Task RunAsync_ToolThrowsOrIsUnknown_ModelSeesErrorAndLoopGoesOn()
    {
        var options = new ChatOptions { Tools = [AIFunctionFactory.Create(string () => throw new InvalidOperationException("disk full"), "boom", "Fails.")] };
        var client = Sequence(_ => Call("c1", "boom"), _ => Call("c2", "nope"), _ => Answer("gave up"));

        var turn = await Run(client, options);

        var results = turn.Messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Select(r => r.Result?.ToString()).ToList();
        Assert.Equal("gave up", turn.Output);
        Assert.Contains("disk full", results[0], StringComparison.Ordinal);
        Assert.Equal("error: no tool named 'nope' is offered", results[1]);
    }
}

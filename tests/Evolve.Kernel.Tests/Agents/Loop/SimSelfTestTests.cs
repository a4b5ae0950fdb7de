using System.Globalization;
using Evolve.Kernel.Agents;
using Evolve.Kernel.Providers;
using Evolve.Kernel.Providers.Sim;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Tests.Agents.Loop;

public sealed class SimSelfTestTests
{
    private const string Reference = "def clamp(x, lo, hi):\n    if x < lo:\n        return lo\n    if x > hi:\n        return hi\n    return x\n";

    private static SimOracle Oracle(int i) => new($"case-{i:D3}", Reference, SimAnswerKind.Code, ["bounds"], 0.7);

    private static (List<ChatMessage>, ChatOptions, List<string>) Request(int i, bool selfTest, bool tools = true)
    {
        var ran = new List<string>();
        var options = new ChatOptions
        {
            AdditionalProperties = new()
            {
                [ModelRequestKeys.CaseId] = Oracle(i).CaseId,
                [ModelRequestKeys.Repeat] = 0,
                [ModelRequestKeys.Heuristics] = new Dictionary<string, object> { ["self_test"] = selfTest },
            },
        };
        if (tools)
        {
            options.Tools = [AIFunctionFactory.Create((string code) => { ran.Add(code); return "outcome: Exited, exit code 0"; }, "run_python", "Run Python.")];
        }

        return ([new(ChatRole.System, "You write Python functions."), new(ChatRole.User, "Write clamp.")], options, ran);
    }

    private static async Task<(AgentTurn Turn, List<string> Ran)> Run(int seed, int i, bool selfTest, bool tools = true)
    {
        var (messages, options, ran) = Request(i, selfTest, tools);
        var client = new SimChatClient(new SimSettings(seed, TimeSpan.Zero, TimeSpan.Zero, null), TimeProvider.System, (caseId, _) => Oracle(int.Parse(caseId[5..], CultureInfo.InvariantCulture)));
        return (await AgentSession.RunAsync(client, messages, options, TimeProvider.System, TestContext.Current.CancellationToken), ran);
    }

    private static bool Passes(AgentTurn turn) => turn.Output.Contains(Reference.TrimEnd(), StringComparison.Ordinal);

    [Fact]
    public async Task RunAsync_SelfTestWithTools_CallsRunPythonOnceWithItsCode()
    {
        var (turn, ran) = await Run(seed: 1, i: 1, selfTest: true);

        var code = Assert.Single(ran);
        Assert.Contains("def clamp", code, StringComparison.Ordinal);
        Assert.DoesNotContain("```", code, StringComparison.Ordinal);
        Assert.Single(turn.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Contains("```python", turn.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task RunAsync_NoSelfTestOrNoTools_AnswersDirectly(bool selfTest, bool tools)
    {
        var (turn, ran) = await Run(seed: 1, i: 1, selfTest, tools);

        Assert.Empty(ran);
        Assert.Equal(3, turn.Messages.Count);
    }

    [Fact]
    public async Task RunAsync_SameSeedAndCase_SameTraceTwice()
    {
        var a = await Run(seed: 5, i: 3, selfTest: true);
        var b = await Run(seed: 5, i: 3, selfTest: true);

        Assert.Equal(a.Turn.Output, b.Turn.Output);
        Assert.Equal(a.Ran, b.Ran);
    }

    [Fact]
    public async Task RunAsync_OverManySeeds_SelfTestRepairsSomeWrongAnswersAndPassesMore()
    {
        int with = 0, without = 0, repaired = 0, wrongTested = 0;
        for (var seed = 0; seed < 40; seed++)
        {
            for (var i = 0; i < 5; i++)
            {
                var tested = await Run(seed, i, selfTest: true);
                var plain = await Run(seed, i, selfTest: true, tools: false);
                var testedFirstCorrect = tested.Ran[0].TrimEnd() == Reference.TrimEnd();
                with += Passes(tested.Turn) ? 1 : 0;
                without += Passes(plain.Turn) ? 1 : 0;
                wrongTested += testedFirstCorrect ? 0 : 1;
                repaired += !testedFirstCorrect && Passes(tested.Turn) ? 1 : 0;
                Assert.True(!testedFirstCorrect || Passes(tested.Turn), "a right first answer must stay right");
            }
        }

        Assert.InRange(repaired, wrongTested / 4, wrongTested * 3 / 4);
        Assert.True(with > without, $"with self-test {with}/200, without {without}/200");
    }
}

using Evolve.Kernel.Providers;
using Evolve.Kernel.Providers.Sim;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Tests.Providers.Sim;

public sealed class SimChatClientTests
{
    private static readonly SimOracle Oracle = SimRequests.TextOracle(1, 0.5, "empty list", "negative");

    [Fact]
    public async Task GetResponseAsync_SameInputsOnSeparateClientsAndThreads_GiveTheSameAnswer()
    {
        var first = await SimRequests.AskAsync(SimRequests.Client(seed: 3), SimRequests.GenericPrompt, SimRequests.Options(Oracle, repeat: 2));

        var shared = SimRequests.Client(seed: 3);
        var answers = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() =>
            SimRequests.AskAsync(shared, SimRequests.GenericPrompt, SimRequests.Options(Oracle, repeat: 2)))));

        Assert.All(answers, a => Assert.Equal(first, a));
    }

    [Fact]
    public async Task GetResponseAsync_DifferentRepeatIndexes_GiveDifferentSamples()
    {
        var client = SimRequests.Client();
        var answers = new List<string>();
        for (var repeat = 0; repeat < 40; repeat++)
        {
            answers.Add(await SimRequests.AskAsync(client, SimRequests.GenericPrompt, SimRequests.Options(Oracle, repeat)));
        }

        Assert.Contains(Oracle.Reference, answers);
        Assert.Contains(answers, a => a != Oracle.Reference);
    }

    [Fact]
    public async Task GetResponseAsync_DifferentSeeds_GiveDifferentOutcomePatterns()
    {
        async Task<string> PatternAsync(int seed)
        {
            var client = SimRequests.Client(seed);
            var bits = new char[60];
            for (var i = 0; i < bits.Length; i++)
            {
                var oracle = SimRequests.TextOracle(i);
                bits[i] = await SimRequests.AskAsync(client, SimRequests.GenericPrompt, SimRequests.Options(oracle)) == oracle.Reference ? '1' : '0';
            }

            return new string(bits);
        }

        Assert.NotEqual(await PatternAsync(1), await PatternAsync(2));
        Assert.Equal(await PatternAsync(1), await PatternAsync(1));
    }

    [Theory]
    [InlineData(1.0, 100)]
    [InlineData(0.0, 0)]
    public async Task GetResponseAsync_ForcedCompetence_IsAlwaysRightOrAlwaysWrong(double competence, int expectedRight)
    {
        var client = SimRequests.Client(competence: competence);
        var right = 0;
        for (var i = 0; i < 100; i++)
        {
            var oracle = SimRequests.TextOracle(i, difficulty: i / 100.0);
            right += await SimRequests.AskAsync(client, SimRequests.GenericPrompt, SimRequests.Options(oracle)) == oracle.Reference ? 1 : 0;
        }

        Assert.Equal(expectedRight, right);
    }

    [Fact]
    public async Task GetResponseAsync_RightCodeAnswer_IsTheReferenceInAFencedPythonBlock()
    {
        var oracle = new SimOracle("add", "def add(a, b):\n    return a + b\n", SimAnswerKind.Code, [], 0.5);

        var text = await SimRequests.AskAsync(SimRequests.Client(competence: 1), SimRequests.GenericPrompt, SimRequests.Options(oracle));

        Assert.Contains("```python\ndef add(a, b):\n    return a + b\n```", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_RequestNamingOnlyTheCase_AnswersFromTheLookupWithTheAgentsAnswerKind()
    {
        var asked = new List<(string, SimAnswerKind)>();
        var oracle = new SimOracle("add", "def add(a, b):\n    return a + b\n", SimAnswerKind.Code, [], 0.5);
        var client = new SimChatClient(new SimSettings(0, TimeSpan.Zero, TimeSpan.Zero, 1), TimeProvider.System, (id, kind) =>
        {
            asked.Add((id, kind));
            return id == "add" ? oracle : null;
        });
        var options = new ChatOptions { AdditionalProperties = new() { [ModelRequestKeys.CaseId] = "add", [ModelRequestKeys.Answer] = SimAnswerKind.Code } };

        var text = await SimRequests.AskAsync(client, SimRequests.GenericPrompt, options);

        Assert.Contains("return a + b", text, StringComparison.Ordinal);
        Assert.Equal([("add", SimAnswerKind.Code)], asked);
    }

    [Fact]
    public async Task GetResponseAsync_CaseTheLookupDoesNotKnow_ThrowsNamingTheCase()
    {
        var options = new ChatOptions { AdditionalProperties = new() { [ModelRequestKeys.CaseId] = "missing-case" } };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SimRequests.AskAsync(SimRequests.Client(), SimRequests.GenericPrompt, options));

        Assert.Contains("'missing-case'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_Always_ReportsEstimatedTokenUsage()
    {
        var response = await SimRequests.Client(competence: 1).GetResponseAsync(
            SimRequests.Messages(new string('x', 400), new string('y', 40)), SimRequests.Options(Oracle), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(110, response.Usage?.InputTokenCount);
        Assert.Equal(TokenEstimator.Estimate(Oracle.Reference), response.Usage?.OutputTokenCount);
        Assert.Equal(true, response.AdditionalProperties?[ModelResponseKeys.SimCorrect]);
    }

    [Fact]
    public async Task GetResponseAsync_WithLatency_CompletesOnlyWhenTheClockHasAdvancedThatFar()
    {
        var time = new FakeTimeProvider();
        var client = new SimChatClient(new SimSettings(0, TimeSpan.FromMilliseconds(200), TimeSpan.Zero, null), time, SimRequests.Oracles);

        var pending = client.GetResponseAsync(SimRequests.Messages(SimRequests.GenericPrompt), SimRequests.Options(Oracle), cancellationToken: TestContext.Current.CancellationToken);
        Assert.False(pending.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(199));
        Assert.False(pending.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));

        var response = await pending.WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System, TestContext.Current.CancellationToken);
        Assert.NotEmpty(response.Text);
    }

    [Fact]
    public async Task GetResponseAsync_WithJitter_WaitsWithinLatencyPlusOrMinusJitter()
    {
        var time = new CountingTimeProvider();
        var client = new SimChatClient(new SimSettings(0, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(50), null), time, SimRequests.Oracles);
        var waits = new HashSet<int>();
        for (var repeat = 0; repeat < 10; repeat++)
        {
            var pending = client.GetResponseAsync(SimRequests.Messages(SimRequests.GenericPrompt), SimRequests.Options(Oracle, repeat), cancellationToken: TestContext.Current.CancellationToken);
            var fired = time.Fired;
            var waited = 0;
            while (time.Fired == fired && waited < 300)
            {
                time.Advance(TimeSpan.FromMilliseconds(1));
                waited++;
            }

            await pending.WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System, TestContext.Current.CancellationToken);
            Assert.InRange(waited, 150, 250);
            waits.Add(waited);
        }

        Assert.True(waits.Count > 1, "jitter should vary the wait between requests");
    }

    [Fact]
    public async Task GetResponseAsync_Cancelled_Throws()
    {
        var time = new FakeTimeProvider();
        var client = new SimChatClient(new SimSettings(0, TimeSpan.FromSeconds(1), TimeSpan.Zero, null), time, SimRequests.Oracles);
        using var cts = new CancellationTokenSource();

        var pending = client.GetResponseAsync(SimRequests.Messages(SimRequests.GenericPrompt), SimRequests.Options(Oracle), cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_Always_YieldsTheSameTextAsGetResponseAsync()
    {
        var client = SimRequests.Client(seed: 9);
        var options = SimRequests.Options(Oracle);

        var whole = await client.GetResponseAsync(SimRequests.Messages(SimRequests.GenericPrompt), options, cancellationToken: TestContext.Current.CancellationToken);
        var streamed = await client.GetStreamingResponseAsync(SimRequests.Messages(SimRequests.GenericPrompt), options, cancellationToken: TestContext.Current.CancellationToken).ToChatResponseAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(whole.Text, streamed.Text);
    }
}

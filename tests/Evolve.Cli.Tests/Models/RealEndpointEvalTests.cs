using System.Text.Json;
using Evolve.Core.Runs;

namespace Evolve.Cli.Tests.Models;

/// <summary>
/// <c>evolve eval</c> with <c>openai:</c> against a loopback OpenAI-compatible server with scripted
/// faults: the whole product path (CLI, pipeline, provider, HTTP), no account and no internet.
/// </summary>
public sealed class RealEndpointEvalTests
{
    private static string[] Eval(params string[] extra) => ["eval", "--suite", "items", "--model", "openai:gpt-loopback", .. extra];

    private static JsonElement Summary(CliRun run) => JsonDocument.Parse(run.Out).RootElement.GetProperty("summary");

    [Fact]
    public async Task Eval_TransientFaults_AreRetriedEveryCasePassesAndEachAttemptIsCountedOnce()
    {
        await using var server = LoopbackServer.OpenAi();
        server.Fault(1, LoopbackFault.WithStatus(429, retryAfter: "1"))
            .Fault(2, LoopbackFault.WithStatus(500))
            .Fault(3, LoopbackFault.WithStatus(503))
            .Fault(4, new LoopbackFault { Malformed = true })
            .Fault(5, new LoopbackFault { ResetAfterChunks = 1 })
            .Fault(6, new LoopbackFault { Delay = TimeSpan.FromSeconds(10) });
        using var dir = LoopbackWorkspace.Create(server, cases: 12);

        var run = await CliRun.InvokeAsync(dir.Path, Eval("--timeout", "3s", "--format", "json"));

        Assert.Equal(0, run.ExitCode);
        var summary = Summary(run);
        Assert.Equal(1.0, summary.GetProperty("meanScore").GetDouble());
        Assert.Equal(0, summary.GetProperty("errors").GetInt32());
        // 12 answered attempts plus one failed attempt per fault; only answered attempts carry tokens (11 in, 7 out each).
        Assert.Equal(18, server.ChatRequests.Count);
        Assert.Contains("usage: 18 model calls (6 failed attempts, 0 cache hits), 132 tokens in, 84 out", run.Error, StringComparison.Ordinal);
        Assert.Equal((132, 84), (summary.GetProperty("inputTokens").GetInt32(), summary.GetProperty("outputTokens").GetInt32()));
    }

    [Theory]
    [InlineData("openai")]
    [InlineData("ollama")]
    [InlineData("anthropic")]
    public async Task Eval_EachWireFormat_RetriesA503AndScoresEveryCase(string scheme)
    {
        await using var server = scheme switch { "ollama" => LoopbackServer.Ollama(), "anthropic" => LoopbackServer.Anthropic(), _ => LoopbackServer.OpenAi() };
        server.Fault(2, LoopbackFault.WithStatus(503));
        using var dir = LoopbackWorkspace.Create(server, cases: 4, scheme);

        var run = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "items", "--model", $"{scheme}:loopback-model", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(1.0, Summary(run).GetProperty("meanScore").GetDouble());
        Assert.Equal(5, server.ChatRequests.Count);
        Assert.Contains("usage: 5 model calls (1 failed attempts, 0 cache hits)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_RequestBodies_CarryNoInternalPropertyAndNoReferenceAnswer()
    {
        await using var server = LoopbackServer.OpenAi();
        using var dir = LoopbackWorkspace.Create(server, cases: 4);

        var run = await CliRun.InvokeAsync(dir.Path, Eval());

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(4, server.ChatRequests.Count);
        Assert.All(server.ChatRequests, r =>
        {
            Assert.DoesNotContain("evolve.", r.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("reply-", r.Body, StringComparison.Ordinal);
            Assert.Equal("Bearer loopback-test-key", r.Header("Authorization"));
        });
    }

    [Fact]
    public async Task Eval_WrongKey_StopsWithExitThreeAndResumeRunsOnlyTheMissingCases()
    {
        await using var server = LoopbackServer.OpenAi();
        server.Fault(4, LoopbackFault.WithStatus(401, message: "Incorrect API key provided"));
        using var dir = LoopbackWorkspace.Create(server, cases: 8);

        var stopped = await CliRun.InvokeAsync(dir.Path, Eval("--concurrency", "1"));

        Assert.Equal(3, stopped.ExitCode);
        Assert.Contains("wrong or missing key", stopped.Error, StringComparison.Ordinal);
        var folder = Assert.Single(SmallWorkspace.RunFolders(dir));
        var id = Path.GetFileName(folder);
        Assert.Contains($"resume it with: evolve eval --suite items --resume {id}", stopped.Error, StringComparison.Ordinal);
        using (var store = RunStore.Open(folder, TimeProvider.System))
        {
            Assert.Equal(3, store.LoadRollouts().Count);
            Assert.Equal(RunStatus.Failed, store.LoadInfo().Status);
        }

        var resumed = await CliRun.InvokeAsync(dir.Path, Eval("--concurrency", "1", "--resume", id, "--format", "json"));

        Assert.Equal(0, resumed.ExitCode);
        Assert.Equal(4 + 5, server.ChatRequests.Count);
        Assert.Equal(1.0, Summary(resumed).GetProperty("meanScore").GetDouble());
        Assert.Equal(5, Summary(resumed).GetProperty("newRollouts").GetInt32());
    }

    [Fact]
    public async Task Eval_UnknownModel_StopsWithExitThreeNamingTheModel()
    {
        await using var server = LoopbackServer.OpenAi();
        server.Fault(1, LoopbackFault.WithStatus(404, message: "The model `gpt-loopback` does not exist"));
        using var dir = LoopbackWorkspace.Create(server, cases: 3);

        var run = await CliRun.InvokeAsync(dir.Path, Eval("--concurrency", "1"));

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("'gpt-loopback' not found", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_SecondIdenticalRun_IsServedFromTheCacheWithoutARequest()
    {
        await using var server = LoopbackServer.OpenAi();
        using var dir = LoopbackWorkspace.Create(server, cases: 5);
        Assert.Equal(0, (await CliRun.InvokeAsync(dir.Path, Eval())).ExitCode);
        Assert.Equal(5, server.ChatRequests.Count);

        var second = await CliRun.InvokeAsync(dir.Path, Eval("--format", "json"));

        Assert.Equal(0, second.ExitCode);
        Assert.Equal(5, server.ChatRequests.Count);
        Assert.Equal(1.0, Summary(second).GetProperty("meanScore").GetDouble());
        using var store = RunStore.Open(JsonDocument.Parse(second.Out).RootElement.GetProperty("runDirectory").GetString()!, TimeProvider.System);
        Assert.All(store.LoadRollouts(), r => Assert.True(r.CacheHit));

        var uncached = await CliRun.InvokeAsync(dir.Path, Eval("--no-cache"));
        Assert.Equal(0, uncached.ExitCode);
        Assert.Equal(10, server.ChatRequests.Count);
    }
}

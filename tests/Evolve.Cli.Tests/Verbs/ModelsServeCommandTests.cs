using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Evolve.Cli.Tests.Models;
using Evolve.Tests.Shared.Loopback;
using Evolve.Core.Workspace;
using Microsoft.Extensions.AI;

namespace Evolve.Cli.Tests.Verbs;

/// <summary><c>evolve models serve URI</c> over real HTTP on 127.0.0.1: Evolve's model pipeline, no agent, no session.</summary>
public sealed class ModelsServeCommandTests
{
    private const string Reflection = "Here is a prompt and its failures. Propose a better system prompt.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Serve_Sim_SaysItIsTheSimulatorAndListsTheUriAsTheOnlyModel()
    {
        using var dir = SmallWorkspace.Create();
        await using var served = await ServedCommand.StartAsync(dir.Path, "models", "serve", "sim");

        using var response = await served.Http.GetAsync(new Uri("/v1/models", UriKind.Relative), Ct);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("sim", Assert.Single(body["data"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Matches(@"^serving sim at http://127\.0\.0\.1:\d+/v1: sim \(offline simulator, [^)]*\); Ctrl\+C stops\r?\n", served.Log);
    }

    [Fact]
    public async Task Complete_Sim_AnswersExactlyAsEvolvesOwnSimDoes()
    {
        using var dir = SmallWorkspace.Create();
        var expected = await DirectAsync(dir.Path, Reflection);
        await using var served = await ServedCommand.StartAsync(dir.Path, "models", "serve", "sim");

        using var response = await PostAsync(served, Request("sim", Reflection));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(expected.Text));
        Assert.Equal(expected.Text, body["choices"]![0]!["message"]!["content"]!.GetValue<string>());
        Assert.Equal("sim", body["model"]!.GetValue<string>());
        Assert.Equal(expected.Usage!.InputTokenCount, body["usage"]!["prompt_tokens"]!.GetValue<long>());
        Assert.Equal(expected.Usage.OutputTokenCount, body["usage"]!["completion_tokens"]!.GetValue<long>());
    }

    [Fact]
    public async Task Complete_Streamed_ChunksJoinToTheSameAnswerThenDone()
    {
        using var dir = SmallWorkspace.Create();
        var expected = await DirectAsync(dir.Path, Reflection);
        await using var served = await ServedCommand.StartAsync(dir.Path, "models", "serve", "sim");
        var request = Request("sim", Reflection);
        request["stream"] = true;

        using var response = await PostAsync(served, request);
        var events = (await response.Content.ReadAsStringAsync(Ct)).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("data: [DONE]", events[^1]);
        var chunks = events[..^1].Select(e => JsonNode.Parse(e["data: ".Length..])!).ToList();
        Assert.True(chunks.Count > 3, $"expected the answer in several pieces, got {chunks.Count} chunks");
        Assert.Equal(expected.Text, string.Concat(chunks.Select(c => c["choices"]![0]!["delta"]!["content"]?.GetValue<string>() ?? "")));
        Assert.Equal("stop", chunks[^1]["choices"]![0]!["finish_reason"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"model": "sim"}""", 400, "messages")]
    [InlineData("""{"model": "sim", "messages": [{"role": "user", "content": "hi"}], "temperature": 5}""", 400, "temperature")]
    [InlineData("""{"model": "sim", "messages": [{"role": "user", "content": "hi"}], "max_tokens": 0}""", 400, "max_tokens")]
    [InlineData("""{"model": "gpt-4o", "messages": [{"role": "user", "content": "hi"}]}""", 404, "model")]
    public async Task Complete_BadRequest_ReturnsOpenAiErrorJsonNamingTheField(string json, int status, string param)
    {
        using var dir = SmallWorkspace.Create();
        await using var served = await ServedCommand.StartAsync(dir.Path, "models", "serve", "sim");

        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await served.Http.PostAsync(new Uri("/v1/chat/completions", UriKind.Relative), content, Ct);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["error"]!;

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("invalid_request_error", error["type"]!.GetValue<string>());
        Assert.Equal(param, error["param"]!.GetValue<string>());
    }

    [Fact]
    public async Task Serve_Requests_WriteNoSessionRunOrAnyOtherFile()
    {
        using var dir = SmallWorkspace.Create();
        var before = Files(dir.Path);
        await using var served = await ServedCommand.StartAsync(dir.Path, "models", "serve", "sim");

        using (await PostAsync(served, Request("sim", Reflection)))
        {
        }

        var request = Request("sim", "Another reflection, with a user id an agent would file a session under.");
        request["user"] = "peer-1";
        using (await PostAsync(served, request))
        {
        }

        var run = await served.StopAsync();

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(before, Files(dir.Path));
    }

    [Fact]
    public async Task Stop_AfterRequests_PrintsTheCallFiguresAndExitsZero()
    {
        using var dir = SmallWorkspace.Create();
        await using var served = await ServedCommand.StartAsync(dir.Path, "models", "serve", "sim");
        using (await PostAsync(served, Request("sim", Reflection)))
        {
        }

        using (await PostAsync(served, Request("sim", "Propose a shorter prompt.")))
        {
        }

        var run = await served.StopAsync();

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains($"{Environment.NewLine}model calls 2: waiting p95 ", run.Error, StringComparison.Ordinal);
        Assert.Contains($"{Environment.NewLine}usage: 2 model calls (0 failed attempts, 0 cache hits), ", run.Error, StringComparison.Ordinal);
        Assert.EndsWith($"{Environment.NewLine}stopped{Environment.NewLine}", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complete_RealProvider_PassesSamplingOnAndRepeatsComeFromEvolvesCache()
    {
        await using var openAi = LoopbackServer.OpenAi();
        using var dir = LoopbackWorkspace.Create(openAi, cases: 1);
        await using var served = await ServedCommand.StartAsync(dir.Path, "models", "serve", "openai:gpt-4.1-mini");
        var request = Request("openai:gpt-4.1-mini", "What is item 3?");
        request["temperature"] = 0;
        request["max_tokens"] = 7;

        var first = await AnswerAsync(served, request);
        var second = await AnswerAsync(served, request);
        var run = await served.StopAsync();

        Assert.Equal("reply-3", first);
        Assert.Equal(first, second);
        var call = Assert.Single(openAi.ChatRequests);
        var sent = JsonNode.Parse(call.Body)!;
        Assert.Equal(0, sent["temperature"]!.GetValue<double>());
        Assert.Equal(7, (sent["max_completion_tokens"] ?? sent["max_tokens"])!.GetValue<int>());
        Assert.Contains("usage: 2 model calls (0 failed attempts, 1 cache hits)", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("192.168.1.20")]
    public async Task Serve_NonLoopbackHostWithoutKey_RefusedBeforeBinding(string host)
    {
        using var dir = SmallWorkspace.Create();

        var run = await ServedCommand.RefusedAsync(dir.Path, _ => null, "models", "serve", "sim", "--host", host, "--port", "0");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(
            $"error: command line: --host: {host} is reachable from other machines, so clients must authenticate: set --api-key or EVOLVE_SERVE_KEY (or serve on 127.0.0.1){Environment.NewLine}",
            run.Error);
    }

    [Fact]
    public async Task Serve_UnknownScheme_RefusedWithTheUriNamed()
    {
        using var dir = SmallWorkspace.Create();

        var run = await ServedCommand.RefusedAsync(dir.Path, _ => null, "models", "serve", "nosuch:model", "--port", "0");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith("error: command line: uri: unknown model 'nosuch:model'", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("serving", run.Error, StringComparison.Ordinal);
    }

    /// <summary>What Evolve's own pipeline for <c>sim</c> answers, built as <c>evolve eval</c> builds it.</summary>
    private static Task<ChatResponse> DirectAsync(string workspace, string userText)
    {
        var model = DefaultDependencies.Create(TimeProvider.System).CreateTaskModel("sim", WorkspacePaths.Resolve(workspace), oracles: null);
        return model.Client.GetResponseAsync([new ChatMessage(ChatRole.User, userText)], cancellationToken: Ct);
    }

    private static async Task<string> AnswerAsync(ServedCommand served, JsonObject request)
    {
        using var response = await PostAsync(served, request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        return body["choices"]?[0]?["message"]?["content"]?.GetValue<string>() ?? $"{(int)response.StatusCode}: {body}";
    }

    private static List<string> Files(string root) =>
        [.. Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(root, p)).Order(StringComparer.Ordinal)];

    private static JsonObject Request(string model, string userText) => new()
    {
        ["model"] = model,
        ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = userText }),
    };

    private static async Task<HttpResponseMessage> PostAsync(ServedCommand served, JsonObject body)
    {
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        return await served.Http.PostAsync(new Uri("/v1/chat/completions", UriKind.Relative), content, Ct);
    }
}

using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Evolve.Cli.Agent;

namespace Evolve.Cli.Tests.Agent;

/// <summary><c>evolve agent serve</c> over real HTTP on 127.0.0.1.</summary>
public sealed class AgentServerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListModels_Served_ListsTheAgentAsTheOnlyModel()
    {
        await using var served = await ServedAgent.StartAsync();

        using var response = await served.Http.GetAsync(new Uri("/v1/models", UriKind.Relative), Ct);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("list", body["object"]!.GetValue<string>());
        var model = Assert.Single(body["data"]!.AsArray());
        Assert.Equal("qa", model!["id"]!.GetValue<string>());
        Assert.Equal("model", model["object"]!.GetValue<string>());
    }

    [Fact]
    public async Task Complete_PlainRequest_AnswersWithTheLiveVersionNamed()
    {
        await using var served = await ServedAgent.StartAsync();

        using var response = await PostAsync(served, Request("What is the capital of Peru?"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

        var live = served.Library.Resolve("qa")!.ToString();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"^qa@1#[0-9a-f]{12}$", live);
        Assert.Equal(live, Assert.Single(response.Headers.GetValues(AgentAnswerer.VersionHeader)));
        Assert.Equal(live, body["system_fingerprint"]!.GetValue<string>());
        Assert.Equal("chat.completion", body["object"]!.GetValue<string>());
        Assert.Equal("qa", body["model"]!.GetValue<string>());
        var choice = body["choices"]![0]!;
        Assert.Equal("assistant", choice["message"]!["role"]!.GetValue<string>());
        Assert.Equal("What is the capital of Peru?", choice["message"]!["content"]!.GetValue<string>());
        Assert.Equal("stop", choice["finish_reason"]!.GetValue<string>());
        Assert.True(body["usage"]!["total_tokens"]!.GetValue<long>() > 0);
    }

    [Fact]
    public async Task Complete_Streamed_SendsChunksThatJoinToTheAnswerThenDone()
    {
        await using var served = await ServedAgent.StartAsync();
        var request = Request("tell me about the Andes please");
        request["stream"] = true;

        using var response = await PostAsync(served, request);
        var text = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        var events = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.All(events, e => Assert.StartsWith("data: ", e, StringComparison.Ordinal));
        var data = events.Select(e => e["data: ".Length..]).ToList();
        Assert.Equal("[DONE]", data[^1]);
        var chunks = data[..^1].Select(d => JsonNode.Parse(d)!).ToList();
        Assert.True(chunks.Count >= 3, $"expected role, content and finish chunks, got {chunks.Count}");
        var live = served.Library.Resolve("qa")!.ToString();
        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", c["object"]!.GetValue<string>()));
        Assert.All(chunks, c => Assert.Equal(live, c["system_fingerprint"]!.GetValue<string>()));
        Assert.Single(chunks.Select(c => c["id"]!.GetValue<string>()).Distinct());
        Assert.Equal("assistant", chunks[0]["choices"]![0]!["delta"]!["role"]!.GetValue<string>());
        var content = string.Concat(chunks.Select(c => c["choices"]![0]!["delta"]!["content"]?.GetValue<string>() ?? string.Empty));
        Assert.Equal("tell me about the Andes please", content);
        Assert.Equal("stop", chunks[^1]["choices"]![0]!["finish_reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Complete_DeployWhileServing_NextRequestUsesAndNamesTheNewVersion()
    {
        await using var served = await ServedAgent.StartAsync(SystemEcho.Client());

        using var before = await PostAsync(served, Request("Peru"));
        var first = JsonNode.Parse(await before.Content.ReadAsStringAsync(Ct))!;
        var deployed = served.DeploySystemPrompt("Answer in one word, in capitals.");
        using var after = await PostAsync(served, Request("Peru"));
        var second = JsonNode.Parse(await after.Content.ReadAsStringAsync(Ct))!;

        Assert.Equal("Answer with the city name only.|1|Peru", Content(first));
        Assert.StartsWith("qa@1#", first["system_fingerprint"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("qa@2#", deployed, StringComparison.Ordinal);
        Assert.Equal("Answer in one word, in capitals.|1|Peru", Content(second));
        Assert.Equal(deployed, second["system_fingerprint"]!.GetValue<string>());
        Assert.Equal(deployed, Assert.Single(after.Headers.GetValues(AgentAnswerer.VersionHeader)));
        Assert.Contains(deployed + " answered", served.Log.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"model\": \"qa\"}", 400, "messages")]
    [InlineData("{\"model\": \"qa\", \"messages\": []}", 400, "messages")]
    [InlineData("{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}", 400, "model")]
    [InlineData("{\"model\": \"qa\", \"messages\": [{\"role\": \"wizard\", \"content\": \"hi\"}]}", 400, "messages[0]")]
    [InlineData("{\"model\": \"qa\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], \"stream\": \"yes\"}", 400, "stream")]
    [InlineData("{\"model\": \"gpt-4o\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}", 404, "model")]
    public async Task Complete_BadRequest_ReturnsOpenAiErrorJson(string json, int status, string param)
    {
        await using var served = await ServedAgent.StartAsync();

        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await served.Http.PostAsync(new Uri("/v1/chat/completions", UriKind.Relative), content, Ct);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var error = body["error"]!;
        Assert.Equal("invalid_request_error", error["type"]!.GetValue<string>());
        Assert.Equal(param, error["param"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(error["message"]!.GetValue<string>()));
        Assert.False(response.Headers.Contains(AgentAnswerer.VersionHeader));
    }

    [Fact]
    public async Task Complete_InvalidJson_Returns400WithoutParam()
    {
        await using var served = await ServedAgent.StartAsync();

        using var content = new StringContent("{not json", Encoding.UTF8, "application/json");
        using var response = await served.Http.PostAsync(new Uri("/v1/chat/completions", UriKind.Relative), content, Ct);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["error"]!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid JSON", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(error["param"]);
    }

    private static string Content(JsonNode body) => body["choices"]![0]!["message"]!["content"]!.GetValue<string>();

    private static JsonObject Request(string userText) => new()
    {
        ["model"] = "qa",
        ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = userText }),
    };

    private static async Task<HttpResponseMessage> PostAsync(ServedAgent served, JsonObject body)
    {
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        return await served.Http.PostAsync(new Uri("/v1/chat/completions", UriKind.Relative), content, Ct);
    }
}

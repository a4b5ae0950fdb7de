using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Evolve.Cli.Tests.Agent;

/// <summary>What <c>evolve agent serve</c> answers when the request is fine but something else is not.</summary>
public sealed class AgentServerErrorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Complete_ModelFails_Returns500ServerErrorAndKeepsServing()
    {
        await using var served = await ServedAgent.StartAsync(new ScriptedChatClient((_, _) => throw new HttpRequestException("connection refused by the model host")));
        const string Body = """{"model": "qa", "messages": [{"role": "user", "content": "hi"}]}""";

        using var content = new StringContent(Body, Encoding.UTF8, "application/json");
        using var response = await served.Http.PostAsync(new Uri("/v1/chat/completions", UriKind.Relative), content, Ct);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["error"]!;
        using var models = await served.Http.GetAsync(new Uri("/v1/models", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("server_error", error["type"]!.GetValue<string>());
        Assert.Contains("connection refused by the model host", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, models.StatusCode);
    }

    [Fact]
    public async Task UnknownRoute_Returns404InOpenAiShape()
    {
        await using var served = await ServedAgent.StartAsync();

        using var response = await served.Http.GetAsync(new Uri("/v1/embeddings", UriKind.Relative), Ct);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["error"]!;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("unknown_url", error["code"]!.GetValue<string>());
        Assert.Contains("/v1/embeddings", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complete_ContentParts_AreJoinedAsTheUserText()
    {
        await using var served = await ServedAgent.StartAsync();
        const string Body = """{"model": "qa", "messages": [{"role": "system", "content": "be kind"}, {"role": "user", "content": [{"type": "text", "text": "two "}, {"type": "text", "text": "parts"}]}]}""";

        using var content = new StringContent(Body, Encoding.UTF8, "application/json");
        using var response = await served.Http.PostAsync(new Uri("/v1/chat/completions", UriKind.Relative), content, Ct);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("two parts", body["choices"]![0]!["message"]!["content"]!.GetValue<string>());
    }
}

using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Tests.Providers.Anthropic;

/// <summary><c>anthropic:</c> against a loopback server speaking the messages API at ANTHROPIC_BASE_URL.</summary>
public sealed class AnthropicProviderTests : Http.LoopbackFailureTests
{
    private const string Key = "sk-ant-test-0123456789abcdefWXYZ";

    protected override string Uri => "anthropic:claude-test";

    protected override string KeyHint => "ANTHROPIC_API_KEY";

    protected override string Endpoint => $"http://127.0.0.1:{Server.Port}";

    [Fact]
    public async Task GetResponseAsync_KeyFromTheEnvironment_IsSentWithMaxTokens()
    {
        using var client = Create();

        await client.GetResponseAsync("Say OK", cancellationToken: Token);

        var request = Assert.Single(Server.ChatRequests);
        Assert.Equal("/v1/messages", request.Path);
        // The official SDK (13.x) sends the API key as a bearer token, with its own anthropic-version header.
        Assert.Equal("Bearer " + Key, request.Header("Authorization"));
        Assert.NotNull(request.Header("anthropic-version"));
        var body = Json(request.Body);
        Assert.Equal("claude-test", body.GetProperty("model").GetString());
        Assert.True(body.GetProperty("max_tokens").GetInt32() > 0);
    }

    protected override LoopbackServer StartServer() => LoopbackServer.Anthropic();

    protected override Dictionary<string, string> EnvironmentFor(LoopbackServer server) => new()
    {
        ["ANTHROPIC_BASE_URL"] = server.Root,
        ["ANTHROPIC_API_KEY"] = Key,
    };

    protected override string ToolResultOf(string body) =>
        Json(body).GetProperty("messages").EnumerateArray()
            .SelectMany(m => m.GetProperty("content").ValueKind == System.Text.Json.JsonValueKind.Array ? m.GetProperty("content").EnumerateArray() : Enumerable.Empty<System.Text.Json.JsonElement>())
            .Single(c => c.GetProperty("type").GetString() == "tool_result").GetRawText();
}

using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Tests.Providers.Ollama;

/// <summary><c>ollama:</c> against a loopback server speaking Ollama's chat API at OLLAMA_HOST (written host:port, no scheme).</summary>
public sealed class OllamaProviderTests : Http.LoopbackFailureTests
{
    protected override string Uri => "ollama:qwen-test:7b";

    protected override string KeyHint => "the provider's key";

    protected override string Endpoint => $"http://127.0.0.1:{Server.Port}";

    protected override bool ToolCallIdsOnTheWire => false;

    [Fact]
    public async Task GetResponseAsync_ModelWithATag_IsSentWhole()
    {
        using var client = Create();

        await client.GetResponseAsync("Say OK", cancellationToken: Token);

        var request = Assert.Single(Server.ChatRequests);
        Assert.Equal("/api/chat", request.Path);
        Assert.Equal("qwen-test:7b", Json(request.Body).GetProperty("model").GetString());
    }

    protected override LoopbackServer StartServer() => LoopbackServer.Ollama();

    protected override Dictionary<string, string> EnvironmentFor(LoopbackServer server) => new()
    {
        ["OLLAMA_HOST"] = $"127.0.0.1:{server.Port}",
    };

    protected override string ToolResultOf(string body) =>
        Json(body).GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("role").GetString() == "tool").GetRawText();
}

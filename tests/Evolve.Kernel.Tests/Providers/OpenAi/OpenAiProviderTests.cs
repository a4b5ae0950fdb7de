using Evolve.Kernel.Providers.Configuration;
using Microsoft.Extensions.AI;


namespace Evolve.Kernel.Tests.Providers.OpenAi;

/// <summary><c>openai:</c> against a loopback server speaking chat completions at OPENAI_BASE_URL.</summary>
public sealed class OpenAiProviderTests : Http.LoopbackFailureTests
{
    private const string Key = "sk-test-0123456789abcdefWXYZ";

    protected override string Uri => "openai:gpt-test";

    protected override string KeyHint => "OPENAI_API_KEY";

    protected override string Endpoint => $"http://127.0.0.1:{Server.Port}/v1";

    [Fact]
    public async Task GetResponseAsync_KeyFromTheEnvironment_IsSentAsABearerToken()
    {
        using var client = Create();

        await client.GetResponseAsync("Say OK", cancellationToken: Token);

        var request = Assert.Single(Server.ChatRequests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal($"Bearer {Key}", request.Header("Authorization"));
        Assert.Equal("gpt-test", Json(request.Body).GetProperty("model").GetString());
    }

    [Fact]
    public async Task GetResponseAsync_FileNamesTheKeyVariableAndEnvironmentTheEndpoint_BothAreHonoured()
    {
        var workspace = WorkspaceModelConfig.Parse(
            $"models:\n  openai:\n    base_url: http://127.0.0.1:{LoopbackServer.UnusedPort()}/v1\n    api_key_env: LOCAL_VLLM_KEY\n", "evolve.yaml");
        var environment = new Dictionary<string, string>
        {
            ["OPENAI_BASE_URL"] = Server.Root + "/v1", ["OPENAI_API_KEY"] = Key, ["LOCAL_VLLM_KEY"] = "vllm-local-key",
        };
        using var client = Create(environment: environment, workspace: workspace);

        var response = await client.GetResponseAsync("Say OK", cancellationToken: Token);

        Assert.Equal("OK", response.Text);
        Assert.Equal("Bearer vllm-local-key", Assert.Single(Server.ChatRequests).Header("Authorization"));
    }

    [Fact]
    public async Task GetResponseAsync_LocalServerWithoutAKey_IsCalledWithAPlaceholder()
    {
        using var client = Create(environment: new() { ["OPENAI_BASE_URL"] = Server.Root + "/v1" });

        var response = await client.GetResponseAsync("Say OK", cancellationToken: Token);

        Assert.Equal("OK", response.Text);
        Assert.DoesNotContain(Key, Assert.Single(Server.ChatRequests).Header("Authorization") ?? string.Empty, StringComparison.Ordinal);
    }

    protected override LoopbackServer StartServer() => LoopbackServer.OpenAi();

    protected override Dictionary<string, string> EnvironmentFor(LoopbackServer server) => new()
    {
        ["OPENAI_BASE_URL"] = server.Root + "/v1",
        ["OPENAI_API_KEY"] = Key,
    };

    protected override string ToolResultOf(string body) =>
        Json(body).GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("role").GetString() == "tool").GetRawText();
}

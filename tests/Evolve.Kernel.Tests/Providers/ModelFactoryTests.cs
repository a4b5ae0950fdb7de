using Evolve.Kernel.Providers;
using Evolve.Kernel.Providers.Caching;
using Evolve.Kernel.Providers.Sim;
using Evolve.Kernel.Providers.Usage;
using Evolve.Kernel.Tests.Providers.Sim;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Tests.Providers;

public sealed class ModelFactoryTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("openai:gpt-4.1-mini", "OPENAI_API_KEY", "OPENAI_BASE_URL")]
    [InlineData("anthropic:claude-sonnet-4", "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL")]
    public void Create_HostedProviderWithoutAKey_RefusesBeforeAnyCallAndNamesTheVariable(string text, string keyVariable, string endpointVariable)
    {
        var uri = ModelUri.Parse(text);

        var error = Assert.Throws<InputException>(() => ModelFactory.Create(uri, new ModelOptions { EnvironmentVariables = _ => null }));

        Assert.Equal(
            $"command line: --model: {text} needs an API key: set {keyVariable} (or point {endpointVariable} at a server that needs none)",
            error.Message);
    }

    [Fact]
    public void Create_RealProviderFromAFile_NamesTheFileAndKeyItCameFrom()
    {
        var uri = ModelUri.Parse("openai:gpt-4.1-mini", "reflection_model", "evals/coding/suite.yaml");

        var error = Assert.Throws<InputException>(() => ModelFactory.Create(uri, new ModelOptions { EnvironmentVariables = _ => null }));

        var only = Assert.Single(error.Errors);
        Assert.Equal(("evals/coding/suite.yaml", "reflection_model"), (only.File, only.Field));
    }

    [Theory]
    [InlineData("openai:gpt-4.1-mini")]
    [InlineData("ollama:qwen2.5-coder:7b")]
    [InlineData("anthropic:claude-sonnet-4")]
    public void Create_RealProvider_StripsInternalPropertiesAndCachesByDefault(string text)
    {
        var environment = new Dictionary<string, string> { ["OPENAI_API_KEY"] = "sk-unused-in-this-test-0000", ["ANTHROPIC_API_KEY"] = "sk-ant-unused-0000" };
        using var client = ModelFactory.Create(ModelUri.Parse(text), new ModelOptions
        {
            EnvironmentVariables = environment.GetValueOrDefault, CachePath = _dir.File("responses.db"),
        });

        Assert.NotNull(client.GetService<InternalPropertiesStrippingChatClient>());
        Assert.NotNull(client.GetService<ResponseCacheChatClient>());
    }

    [Fact]
    public async Task Create_Sim_AnswersRecordsUsageAndHasNoCacheByDefault()
    {
        var ledger = new UsageLedger();
        var cachePath = _dir.File("never.db");
        using var client = ModelFactory.Create(ModelUri.Parse("sim?seed=3&competence=1"), new ModelOptions { Usage = ledger, CachePath = cachePath, SimOracles = SimRequests.Oracles });
        var oracle = SimRequests.TextOracle(1);

        var response = await client.GetResponseAsync(SimRequests.Messages(SimRequests.GenericPrompt), SimRequests.Options(oracle), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(oracle.Reference, response.Text);
        Assert.Null(client.GetService<ResponseCacheChatClient>());
        Assert.NotNull(client.GetService<SimChatClient>());
        Assert.False(File.Exists(cachePath));
        Assert.Equal("sim", client.GetService<ChatClientMetadata>()?.ProviderName);
        var usage = ledger.For("sim");
        Assert.Equal(1, usage.Calls);
        Assert.Equal(response.Usage!.InputTokenCount + response.Usage.OutputTokenCount, usage.TotalTokens);
    }

    [Fact]
    public async Task Create_Echo_ReturnsTheLastUserMessage()
    {
        using var client = ModelFactory.Create(ModelUri.Parse("echo"), new ModelOptions());

        var response = await client.GetResponseAsync(
        [
            new ChatMessage(ChatRole.System, "system"),
            new ChatMessage(ChatRole.User, "first"),
            new ChatMessage(ChatRole.Assistant, "answer"),
            new ChatMessage(ChatRole.User, "rendered task text"),
        ], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("rendered task text", response.Text);
        Assert.Equal("echo (echoes the last user message, no model involved)", ModelUri.Parse("echo").Description);
    }

    [Fact]
    public void Create_CacheForced_InsertsTheResponseCacheOnTheGivenFile()
    {
        var path = _dir.File("responses.db");

        using var client = ModelFactory.Create(ModelUri.Parse("echo?cache=1"), new ModelOptions { CachePath = path });

        Assert.NotNull(client.GetService<ResponseCacheChatClient>());
        Assert.True(File.Exists(path));
    }
}

using Evolve.Kernel.Providers;
using Evolve.Kernel.Providers.Caching;
using Evolve.Kernel.Providers.Sim;
using Evolve.Kernel.Providers.Usage;
using Evolve.Kernel.Tests.Providers.Sim;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Tests.Providers.Caching;

public sealed class ResponseCacheChatClientTests : IDisposable
{
    private static readonly SimOracle Oracle = SimRequests.TextOracle(7, 0.5, "unicode");
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static bool IsHit(ChatResponse response) =>
        response.AdditionalProperties?.TryGetValue(ModelResponseKeys.CacheHit, out var hit) == true && hit is true;

    [Fact]
    public async Task GetResponseAsync_SecondIdenticalCall_IsAHitAndAnotherRepeatIsAMiss()
    {
        var ledger = new UsageLedger();
        var client = ModelFactory.Create(ModelUri.Parse("sim?cache=1"), new ModelOptions { Usage = ledger, CachePath = _dir.File("cache.db"), SimOracles = SimRequests.Oracles });
        var messages = SimRequests.Messages(SimRequests.GenericPrompt);

        var first = await client.GetResponseAsync(messages, SimRequests.Options(Oracle, repeat: 0), cancellationToken: TestContext.Current.CancellationToken);
        var second = await client.GetResponseAsync(messages, SimRequests.Options(Oracle, repeat: 0), cancellationToken: TestContext.Current.CancellationToken);
        var otherRepeat = await client.GetResponseAsync(messages, SimRequests.Options(Oracle, repeat: 1), cancellationToken: TestContext.Current.CancellationToken);

        Assert.False(IsHit(first));
        Assert.True(IsHit(second));
        Assert.Equal(first.Text, second.Text);
        Assert.False(IsHit(otherRepeat));
        Assert.Equal(new UsageTotals(3, 1, 2 * first.Usage!.InputTokenCount!.Value, first.Usage.OutputTokenCount!.Value + otherRepeat.Usage!.OutputTokenCount!.Value), ledger.For("sim"));
    }

    [Fact]
    public async Task GetResponseAsync_SameCacheFileAfterRestart_IsStillAHit()
    {
        var path = _dir.File("cache.db");
        var messages = SimRequests.Messages(SimRequests.GenericPrompt);
        var first = await ModelFactory.Create(ModelUri.Parse("sim?cache=1"), new ModelOptions { CachePath = path, SimOracles = SimRequests.Oracles }).GetResponseAsync(messages, SimRequests.Options(Oracle), cancellationToken: TestContext.Current.CancellationToken);

        var again = await ModelFactory.Create(ModelUri.Parse("sim?cache=1"), new ModelOptions { CachePath = path, SimOracles = SimRequests.Oracles }).GetResponseAsync(messages, SimRequests.Options(Oracle), cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(IsHit(again));
        Assert.Equal(first.Text, again.Text);
    }

    [Fact]
    public async Task GetResponseAsync_DifferentCaseOnly_IsAHitBecauseInternalKeysAreNotPartOfTheKey()
    {
        var inner = new ScriptedChatClient();
        using var client = new ResponseCacheChatClient(inner, new SqliteResponseCache(_dir.File("c.db")), "openai:gpt-4.1-mini");
        var other = Oracle with { Reference = "a different reference" };

        await client.GetResponseAsync(SimRequests.Messages("system"), SimRequests.Options(Oracle), cancellationToken: TestContext.Current.CancellationToken);
        var second = await client.GetResponseAsync(SimRequests.Messages("system"), SimRequests.Options(other), cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(IsHit(second));
        Assert.Single(inner.Received);
    }

    [Fact]
    public async Task GetResponseAsync_DifferentModelOrHeuristicsOrMessages_AreSeparateEntries()
    {
        var inner = new ScriptedChatClient();
        var storage = new SqliteResponseCache(_dir.File("c.db"));
        using var a = new ResponseCacheChatClient(inner, storage, "model-a");
        using var b = new ResponseCacheChatClient(inner, storage, "model-b");
        var hot = new Dictionary<string, object?> { ["temperature"] = 1.5 };

        var responses = new[]
        {
            await a.GetResponseAsync(SimRequests.Messages("system"), SimRequests.Options(Oracle), cancellationToken: TestContext.Current.CancellationToken),
            await b.GetResponseAsync(SimRequests.Messages("system"), SimRequests.Options(Oracle), cancellationToken: TestContext.Current.CancellationToken),
            await a.GetResponseAsync(SimRequests.Messages("system"), SimRequests.Options(Oracle, 0, hot), cancellationToken: TestContext.Current.CancellationToken),
            await a.GetResponseAsync(SimRequests.Messages("other system"), SimRequests.Options(Oracle), cancellationToken: TestContext.Current.CancellationToken),
            await a.GetResponseAsync(SimRequests.Messages("system"), new ChatOptions { Temperature = 0.2f }, cancellationToken: TestContext.Current.CancellationToken),
        };

        Assert.DoesNotContain(responses, IsHit);
        Assert.Equal(5, inner.Received.Count);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_SecondIdenticalCall_IsMarkedAsAHitAndCostsNoTokens()
    {
        var ledger = new UsageLedger();
        using var client = ModelFactory.Create(ModelUri.Parse("echo?cache=1"), new ModelOptions { Usage = ledger, CachePath = _dir.File("cache.db") });
        ChatMessage[] messages = [new ChatMessage(ChatRole.User, "stream me")];

        var first = await client.GetStreamingResponseAsync(messages, cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);
        var second = await client.GetStreamingResponseAsync(messages, cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.DoesNotContain(first, u => u.AdditionalProperties?.ContainsKey(ModelResponseKeys.CacheHit) == true);
        Assert.Contains(second, u => u.AdditionalProperties?.ContainsKey(ModelResponseKeys.CacheHit) == true);
        Assert.Equal("stream me", second.ToChatResponse().Text);
        Assert.Equal(new UsageTotals(2, 1, 3, 3), ledger.For("echo"));
    }
}

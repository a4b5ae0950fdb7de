using Evolve.Kernel.Providers;
using Evolve.Kernel.Providers.Usage;
using Evolve.Kernel.Tests.Providers.Resilience;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Tests.Providers.Caching;

public sealed class CachePipelineTests : IDisposable
{
    private static readonly ChatMessage[] Messages = [new(ChatRole.User, "hi")];
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new();

    public void Dispose() => _dir.Dispose();

    private static bool IsHit(ChatResponse response) =>
        response.AdditionalProperties?.TryGetValue(ModelResponseKeys.CacheHit, out var hit) == true && hit is true;

    [Fact]
    public async Task Pipeline_RealProviderRepeatedCall_IsServedFromCacheMarkedAsHitAndFree()
    {
        var ledger = new UsageLedger();
        var script = ScriptedChatClient.Script().ThenAnswer("fresh", input: 1_000_000, output: 0);
        var client = ModelFactory.Build(ModelUri.Parse("openai:gpt-4.1-mini"), Options(ledger), () => script);
        var ct = TestContext.Current.CancellationToken;

        var first = await client.GetResponseAsync(Messages, cancellationToken: ct);
        var second = await client.GetResponseAsync(Messages, cancellationToken: ct);

        Assert.False(IsHit(first));
        Assert.True(IsHit(second));
        Assert.Equal("fresh", second.Text);
        Assert.Equal(1, script.Calls);
        Assert.Equal(new UsageTotals(2, 1, 1_000_000, 0) { Cost = 0.40m }, ledger.For("openai:gpt-4.1-mini"));
    }

    [Fact]
    public async Task Pipeline_CacheTimeToLivePassed_CallsTheProviderAgain()
    {
        var script = ScriptedChatClient.Script().ThenAnswer("day one").ThenAnswer("day eight");
        var options = Options(new UsageLedger(), ttl: TimeSpan.FromDays(7));
        var client = ModelFactory.Build(ModelUri.Parse("openai:gpt-4.1-mini"), options, () => script);
        var ct = TestContext.Current.CancellationToken;

        await client.GetResponseAsync(Messages, cancellationToken: ct);
        _time.Advance(TimeSpan.FromDays(6));
        var withinTtl = await client.GetResponseAsync(Messages, cancellationToken: ct);
        _time.Advance(TimeSpan.FromDays(2));
        var afterTtl = await client.GetResponseAsync(Messages, cancellationToken: ct);

        Assert.True(IsHit(withinTtl));
        Assert.False(IsHit(afterTtl));
        Assert.Equal("day eight", afterTtl.Text);
        Assert.Equal(2, script.Calls);
    }

    [Fact]
    public async Task Pipeline_CacheDisabled_NeverServesFromCacheEvenWhenTheUriAsks()
    {
        var script = ScriptedChatClient.Script().ThenAnswer("a").ThenAnswer("b");
        var options = new ModelOptions { CachePath = _dir.File("cache.db"), TimeProvider = _time, CacheEnabled = false };
        var client = ModelFactory.Build(ModelUri.Parse("openai:gpt-4.1-mini?cache=1"), options, () => script);
        var ct = TestContext.Current.CancellationToken;

        await client.GetResponseAsync(Messages, cancellationToken: ct);
        var second = await client.GetResponseAsync(Messages, cancellationToken: ct);

        Assert.False(IsHit(second));
        Assert.Equal(2, script.Calls);
        Assert.False(File.Exists(_dir.File("cache.db")));
    }

    private ModelOptions Options(UsageLedger ledger, TimeSpan? ttl = null) =>
        new() { Usage = ledger, CachePath = _dir.File("cache.db"), TimeProvider = _time, CacheTimeToLive = ttl };
}

using Evolve.Kernel.Agents;
using Evolve.Kernel.Providers.Caching;
using Microsoft.Extensions.AI;
using static Evolve.Tests.Shared.ScriptedChatClient;
using TempDirectory = Evolve.Kernel.Tests.Providers.TempDirectory;

namespace Evolve.Kernel.Tests.Agents.Loop;

public sealed class CachedLoopTests
{
    private static ChatOptions Options() => new()
    {
        Tools = [AIFunctionFactory.Create((string q) => "result " + q, "lookup", "Looks up.")],
    };

    [Fact]
    public async Task RunAsync_ThroughResponseCache_SecondSessionIsServedFromCacheWithSameTrace()
    {
        using var temp = new TempDirectory();
        var storage = new SqliteResponseCache(temp.File("cache.db"));
        var inner = Sequence(step => step % 2 == 1 ? Call("c1", "lookup", ("q", "pi")) : Answer("3.14"));
        using var cached = new ResponseCacheChatClient(inner, storage, "scripted");
        var ct = TestContext.Current.CancellationToken;

        var first = await AgentSession.RunAsync(cached, [new(ChatRole.User, "pi?")], Options(), TimeProvider.System, ct);
        var second = await AgentSession.RunAsync(cached, [new(ChatRole.User, "pi?")], Options(), TimeProvider.System, ct);

        Assert.Equal(2, inner.Received.Count);
        Assert.Equal(("3.14", "3.14"), (first.Output, second.Output));
        Assert.False(first.CacheHit);
        Assert.True(second.CacheHit);
        var call = Assert.Single(second.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal("lookup", call.Name);
    }
}

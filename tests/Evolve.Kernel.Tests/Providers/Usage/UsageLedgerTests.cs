using Evolve.Kernel.Providers.Usage;
using Evolve.Kernel.Tests.Providers;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Tests.Providers.Usage;

public sealed class UsageLedgerTests
{
    [Fact]
    public void Record_ConcurrentCallsForTwoModels_SumsExactly()
    {
        var ledger = new UsageLedger();

        Parallel.For(0, 10_000, i => ledger.Record(i % 2 == 0 ? "sim" : "echo", 3, 2, cacheHit: i % 10 == 0));

        Assert.Equal(new UsageTotals(5000, 1000, 4000 * 3, 4000 * 2), ledger.For("sim"));
        Assert.Equal(new UsageTotals(5000, 0, 5000 * 3, 5000 * 2), ledger.For("echo"));
        Assert.Equal(new UsageTotals(10_000, 1000, 9000 * 3, 9000 * 2), ledger.Total);
        Assert.Equal(["echo", "sim"], ledger.ByModel().Keys);
        Assert.Equal(UsageTotals.Zero, ledger.For("never"));
    }

    [Fact]
    public async Task UsageAccountingChatClient_PlainAndStreamingCalls_RecordReportedTokens()
    {
        var ledger = new UsageLedger();
        using var client = new UsageAccountingChatClient(new ScriptedChatClient(), ledger, "scripted");

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], cancellationToken: TestContext.Current.CancellationToken);
        await client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hi")], cancellationToken: TestContext.Current.CancellationToken).ToChatResponseAsync(cancellationToken: TestContext.Current.CancellationToken);

        // "scripted" has no price, so its calls are counted as unpriced rather than free; it replies "reply 1", "reply 2".
        Assert.Equal(new UsageTotals(2, 0, 20, 14) { UnpricedCalls = 2 }, ledger.For("scripted"));
        Assert.Equal(34, ledger.Total.TotalTokens);
    }
}

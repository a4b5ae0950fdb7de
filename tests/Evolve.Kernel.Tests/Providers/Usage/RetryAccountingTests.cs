using Evolve.Kernel.Providers;
using Evolve.Kernel.Providers.Usage;
using Evolve.Kernel.Tests.Providers.Resilience;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Tests.Providers.Usage;

public sealed class RetryAccountingTests
{
    private static readonly ChatMessage[] Messages = [new(ChatRole.User, "hi")];
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Pipeline_FailsTwiceThenAnswers_CountsThreeCallsTwoFailedAndOnlyTheAnswersTokensAndCost()
    {
        var ledger = new UsageLedger();
        var script = ScriptedChatClient.Script()
            .ThenFail(new ModelCallException(ModelCallFailure.Transient, "503 overloaded", 503))
            .ThenFail(new HttpRequestException("connection refused"))
            .ThenAnswer("ok", input: 1_000, output: 500);
        var client = ModelFactory.Build(ModelUri.Parse("openai:gpt-4.1-mini"), Options(ledger), () => script);

        var call = client.GetResponseAsync(Messages, cancellationToken: TestContext.Current.CancellationToken);
        await Clock.RunUntilDoneAsync(_time, call, TimeSpan.FromMilliseconds(100));
        await call;

        // 1000 x 0.40 / 1M + 500 x 1.60 / 1M dollars.
        var expected = new UsageTotals(3, 0, 1_000, 500) { FailedAttempts = 2, Cost = 0.0012m };
        Assert.Equal(expected, ledger.For("openai:gpt-4.1-mini"));
    }

    [Fact]
    public async Task Pipeline_PermanentFailure_CountsOneFailedCallWithNoTokens()
    {
        var ledger = new UsageLedger();
        var script = ScriptedChatClient.Script().ThenFail(new ModelCallException(ModelCallFailure.Permanent, "401 invalid key", 401));
        var client = ModelFactory.Build(ModelUri.Parse("openai:gpt-4.1-mini"), Options(ledger), () => script);

        await Assert.ThrowsAsync<ModelCallException>(() => client.GetResponseAsync(Messages, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(new UsageTotals(1, 0, 0, 0) { FailedAttempts = 1 }, ledger.For("openai:gpt-4.1-mini"));
    }

    [Fact]
    public async Task Pipeline_ModelWithoutPrice_CountsTokensAndMarksTheCallUnpriced()
    {
        var ledger = new UsageLedger();
        var client = ModelFactory.Build(ModelUri.Parse("openai:some-new-model"), Options(ledger), () => ScriptedChatClient.Script().ThenAnswer("ok"));

        await client.GetResponseAsync(Messages, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(new UsageTotals(1, 0, 10, 3) { UnpricedCalls = 1 }, ledger.For("openai:some-new-model"));
    }

    [Fact]
    public void CostOf_AccountingClient_PricesUsageByItsModel()
    {
        using var client = new UsageAccountingChatClient(ScriptedChatClient.Script(), new UsageLedger(), "anthropic:claude-sonnet-4-20250514");

        var cost = client.CostOf(new UsageDetails { InputTokenCount = 1_000_000, OutputTokenCount = 100_000 });

        Assert.Equal(3.00m + 1.50m, cost);
    }

    private ModelOptions Options(UsageLedger ledger) => new() { Usage = ledger, TimeProvider = _time, CacheEnabled = false };
}

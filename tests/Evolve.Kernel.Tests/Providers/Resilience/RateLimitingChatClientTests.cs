using Evolve.Kernel.Providers.Resilience;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Tests.Providers.Resilience;

public sealed class RateLimitingChatClientTests
{
    private static readonly ChatMessage[] Messages = [new(ChatRole.User, new string('x', 400))];
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task GetResponseAsync_RequestsPerMinuteUsedUp_WaitsForTheBucketToRefill()
    {
        var script = ScriptedChatClient.Script().ThenAnswer("1").ThenAnswer("2").ThenAnswer("3");
        var client = new RateLimitingChatClient(script, new MinuteBudget(2, _time), null);
        var ct = TestContext.Current.CancellationToken;

        await client.GetResponseAsync(Messages, cancellationToken: ct);
        await client.GetResponseAsync(Messages, cancellationToken: ct);
        var third = client.GetResponseAsync(Messages, cancellationToken: ct);

        // Two per minute refill one every 30 s.
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(third.IsCompleted);
        Assert.Equal(2, script.Calls);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("3", (await third).Text);
    }

    [Fact]
    public async Task GetResponseAsync_TokensPerMinute_ReservesEstimateAndSettlesToReportedUsage()
    {
        var tokens = new MinuteBudget(1000, _time);
        var script = ScriptedChatClient.Script().ThenAnswer("a", input: 100, output: 500);
        var client = new RateLimitingChatClient(script, null, tokens);
        var options = new ChatOptions { MaxOutputTokens = 50 };

        Assert.Equal(150, RateLimitingChatClient.Estimate(Messages, options));
        await client.GetResponseAsync(Messages, options, TestContext.Current.CancellationToken);

        Assert.Equal(400, tokens.Available, precision: 6);
    }

    [Fact]
    public async Task GetResponseAsync_TokenBudgetShort_WaitsUntilEnoughTokensAccrue()
    {
        var tokens = new MinuteBudget(600, _time);
        var script = ScriptedChatClient.Script().ThenAnswer("a", input: 100, output: 500).ThenAnswer("b");
        var client = new RateLimitingChatClient(script, null, tokens);
        var ct = TestContext.Current.CancellationToken;

        await client.GetResponseAsync(Messages, cancellationToken: ct);
        var second = client.GetResponseAsync(Messages, cancellationToken: ct);

        // Bucket empty after 600 real tokens; the next call's estimate (100) accrues in 10 s at 10 per second.
        _time.Advance(TimeSpan.FromSeconds(9));
        Assert.False(second.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("b", (await second).Text);
    }

    [Fact]
    public async Task GetResponseAsync_CancelledWhileWaiting_ThrowsAndGivesTheReservationBack()
    {
        var requests = new MinuteBudget(1, _time);
        var client = new RateLimitingChatClient(ScriptedChatClient.Script().ThenAnswer("1"), requests, null);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        await client.GetResponseAsync(Messages, cancellationToken: cts.Token);
        var waiting = client.GetResponseAsync(Messages, cancellationToken: cts.Token);
        Assert.Equal(-1, requests.Available, precision: 6);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(0, requests.Available, precision: 6);
    }
}

using System.Net;
using Evolve.Kernel.Providers;
using Evolve.Kernel.Providers.Resilience;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Tests.Providers.Resilience;

public sealed class RetryingChatClientTests
{
    private static readonly ChatMessage[] Messages = [new(ChatRole.User, "hi")];
    private readonly CountingTimeProvider _time = new();

    private static ModelCallException Transient(TimeSpan? retryAfter = null) =>
        new(ModelCallFailure.Transient, "429 too many requests", 429, retryAfter);

    private RetryingChatClient Retrying(IChatClient inner, RetryOptions? options = null) =>
        new(inner, options ?? new RetryOptions(), _time, new Random(1), "openai:test");

    [Fact]
    public async Task GetResponseAsync_TwoTransientFailures_AnswersOnTheThirdAttemptAfterBackoff()
    {
        var script = ScriptedChatClient.Script().ThenFail(Transient()).ThenFail(new HttpRequestException("connection reset")).ThenAnswer("done");
        var call = Retrying(script).GetResponseAsync(Messages, cancellationToken: TestContext.Current.CancellationToken);

        var waited = await Clock.RunUntilDoneAsync(_time, call, TimeSpan.FromMilliseconds(50));

        Assert.Equal("done", (await call).Text);
        Assert.Equal(3, script.Calls);

        // Equal jitter: at least half of 1 s, then half of 2 s.
        Assert.InRange(waited, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(3.2));
    }

    [Fact]
    public async Task GetResponseAsync_RetryAfter_WaitsAtLeastThatLong()
    {
        var script = ScriptedChatClient.Script().ThenFail(Transient(TimeSpan.FromSeconds(30))).ThenAnswer("done");
        var call = Retrying(script).GetResponseAsync(Messages, cancellationToken: TestContext.Current.CancellationToken);
        await Clock.SettleAsync(() => script.Calls == 1);

        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, _time.Fired);
        Assert.False(call.IsCompleted);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("done", (await call).Text);
        Assert.Equal(2, script.Calls);
    }

    [Theory]
    [InlineData(ModelCallFailure.Permanent)]
    [InlineData(ModelCallFailure.Request)]
    public async Task GetResponseAsync_PermanentOrRequestFailure_IsNeverRetried(ModelCallFailure kind)
    {
        var failure = new ModelCallException(kind, "401 unauthorized", 401);
        var script = ScriptedChatClient.Script().ThenFail(failure).ThenAnswer("never");

        var thrown = await Assert.ThrowsAsync<ModelCallException>(() => Retrying(script).GetResponseAsync(Messages, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Same(failure, thrown);
        Assert.Equal(1, script.Calls);
    }

    [Fact]
    public async Task GetResponseAsync_TransientEveryTime_GivesUpAfterMaxAttemptsAsTransient()
    {
        var script = ScriptedChatClient.Script();
        for (var i = 0; i < 6; i++)
        {
            script.ThenFail(Transient());
        }

        var call = Retrying(script).GetResponseAsync(Messages, cancellationToken: TestContext.Current.CancellationToken);
        await Clock.RunUntilDoneAsync(_time, call, TimeSpan.FromSeconds(1));

        var thrown = await Assert.ThrowsAsync<ModelCallException>(() => call);
        Assert.Equal(ModelCallFailure.Transient, thrown.Kind);
        Assert.Equal(6, script.Calls);
        Assert.StartsWith("openai:test: gave up after 6 attempt(s) (no attempts left): 429 too many requests", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_RetryAfterBeyondTotalBudget_GivesUpWithoutWaiting()
    {
        var script = ScriptedChatClient.Script().ThenFail(Transient(TimeSpan.FromSeconds(50))).ThenAnswer("never");
        var options = new RetryOptions { MaxTotalDelay = TimeSpan.FromSeconds(10) };

        var thrown = await Assert.ThrowsAsync<ModelCallException>(() => Retrying(script, options).GetResponseAsync(Messages, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("retry budget", thrown.Message, StringComparison.Ordinal);
        Assert.Equal(1, script.Calls);
    }

    [Fact]
    public async Task GetResponseAsync_CallerCancelsDuringBackoff_ThrowsOperationCanceled()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var script = ScriptedChatClient.Script().ThenFail(Transient()).ThenAnswer("never");
        var call = Retrying(script).GetResponseAsync(Messages, cancellationToken: cts.Token);
        await Clock.SettleAsync(() => script.Calls == 1);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(1, script.Calls);
    }

    [Fact]
    public async Task GetResponseAsync_UnrelatedException_PropagatesWithoutRetry()
    {
        var script = ScriptedChatClient.Script().ThenFail(new InvalidOperationException("bug")).ThenAnswer("never");

        await Assert.ThrowsAsync<InvalidOperationException>(() => Retrying(script).GetResponseAsync(Messages, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(1, script.Calls);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_FailureBeforeFirstUpdate_IsRetried()
    {
        var script = ScriptedChatClient.Script().ThenFail(new IOException("reset")).ThenAnswer("streamed");
        var call = Collect(Retrying(script), TestContext.Current.CancellationToken);

        await Clock.RunUntilDoneAsync(_time, call, TimeSpan.FromMilliseconds(50));

        Assert.Equal("streamed", await call);
        Assert.Equal(2, script.Calls);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_FailureAfterPartialOutput_FailsTransientWithoutRetry()
    {
        var script = ScriptedChatClient.Script().ThenFail(new ModelCallException(ModelCallFailure.Transient, "502 bad gateway", (int)HttpStatusCode.BadGateway), updatesFirst: 2).ThenAnswer("never");

        var thrown = await Assert.ThrowsAsync<ModelCallException>(() => Collect(Retrying(script), TestContext.Current.CancellationToken));

        Assert.Equal(ModelCallFailure.Transient, thrown.Kind);
        Assert.Contains("after part of the answer", thrown.Message, StringComparison.Ordinal);
        Assert.Equal(1, script.Calls);
    }

    private static async Task<string> Collect(RetryingChatClient client, CancellationToken cancellationToken)
    {
        var text = "";
        await foreach (var update in client.GetStreamingResponseAsync(Messages, cancellationToken: cancellationToken))
        {
            text += update.Text;
        }

        return text;
    }
}

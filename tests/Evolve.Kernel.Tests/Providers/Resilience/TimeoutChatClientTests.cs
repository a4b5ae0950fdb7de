using Evolve.Kernel.Providers;
using Evolve.Kernel.Providers.Resilience;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Tests.Providers.Resilience;

public sealed class TimeoutChatClientTests
{
    private static readonly ChatMessage[] Messages = [new(ChatRole.User, "hi")];
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task GetResponseAsync_AttemptHangsPastTimeout_FailsTransientSayingTimedOut()
    {
        var script = ScriptedChatClient.Script().ThenHang();
        var client = new TimeoutChatClient(script, TimeSpan.FromSeconds(120), _time, "openai:test");
        var call = client.GetResponseAsync(Messages, cancellationToken: TestContext.Current.CancellationToken);

        _time.Advance(TimeSpan.FromSeconds(119));
        Assert.False(call.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));

        var thrown = await Assert.ThrowsAsync<ModelCallException>(() => call);
        Assert.Equal(ModelCallFailure.Transient, thrown.Kind);
        Assert.Equal("openai:test: timed out after 120 s", thrown.Message);
    }

    [Fact]
    public async Task GetResponseAsync_CallerCancels_ThrowsOperationCanceledNotTimeout()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var client = new TimeoutChatClient(ScriptedChatClient.Script().ThenHang(), TimeSpan.FromSeconds(120), _time, "openai:test");
        var call = client.GetResponseAsync(Messages, cancellationToken: cts.Token);

        await cts.CancelAsync();

        var thrown = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.IsNotType<ModelCallException>(thrown.InnerException);
    }

    [Fact]
    public async Task GetResponseAsync_TimeoutInsideRetry_IsRetriedAndAnswers()
    {
        var script = ScriptedChatClient.Script().ThenHang().ThenAnswer("second try");
        var client = new RetryingChatClient(new TimeoutChatClient(script, TimeSpan.FromSeconds(10), _time, "openai:test"), new RetryOptions(), _time, new Random(3), "openai:test");
        var call = client.GetResponseAsync(Messages, cancellationToken: TestContext.Current.CancellationToken);

        // Time moves only until the retry has begun: the answering attempt needs none, and moving
        // the clock while it runs on another thread could time it out too.
        var start = _time.GetUtcNow();
        for (var i = 0; i < 100_000 && script.Calls < 2 && !call.IsCompleted; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Yield();
        }

        var waited = _time.GetUtcNow() - start;
        Assert.Equal("second try", (await call).Text);
        Assert.Equal(2, script.Calls);
        Assert.True(waited >= TimeSpan.FromSeconds(10.5), $"waited {waited}");
    }
}

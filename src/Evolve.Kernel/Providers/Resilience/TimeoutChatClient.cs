using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Providers.Resilience;

/// <summary>
/// Bounds each attempt's wall time (a stream's included, from request to last update). A call that
/// runs out of time fails as a transient <see cref="ModelCallException"/> ("timed out after …") so
/// the retry layer outside it tries again; the caller's own cancellation (Ctrl+C) still surfaces as
/// <see cref="OperationCanceledException"/>, never as a timeout.
/// </summary>
internal sealed class TimeoutChatClient : DelegatingChatClient
{
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly string _model;

    public TimeoutChatClient(IChatClient innerClient, TimeSpan timeout, TimeProvider time, string model)
        : base(innerClient)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        _timeout = timeout;
        _time = time;
        _model = model;
    }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var deadline = new CancellationTokenSource(_timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await base.GetResponseAsync(messages, options, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw TimedOut(ex);
        }
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var deadline = new CancellationTokenSource(_timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var updates = StreamFailures.Replace(
            token => base.GetStreamingResponseAsync(messages, options, token),
            (exception, _) => exception is OperationCanceledException && deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested
                ? TimedOut(exception)
                : null,
            linked.Token);
        await foreach (var update in updates.ConfigureAwait(false))
        {
            yield return update;
        }
    }

    private ModelCallException TimedOut(Exception inner) =>
        new(ModelCallFailure.Transient, $"{_model}: timed out after {_timeout.TotalSeconds:0.###} s", null, null, inner);
}

using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Providers.Usage;

/// <summary>
/// Counts each failed attempt as a call with no tokens (<see cref="UsageLedger.RecordFailedAttempt"/>).
/// It sits inside the retry layer, so every attempt passes through it; answered attempts are
/// counted once by <see cref="UsageAccountingChatClient"/> outside, from the response that reaches
/// the caller. The caller's own cancellation is not an attempt that failed and is not counted.
/// </summary>
internal sealed class AttemptAccountingChatClient(IChatClient innerClient, UsageLedger ledger, string model) : DelegatingChatClient(innerClient)
{
    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Counts(ex, cancellationToken))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        StreamFailures.Replace(
            token => base.GetStreamingResponseAsync(messages, options, token),
            (exception, token) => Counts(exception, token) ? exception : null,
            cancellationToken);

    /// <summary>Records the failure as a side effect of the exception filter, and never catches.</summary>
    private bool Counts(Exception exception, CancellationToken cancellationToken)
    {
        if (!(exception is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            ledger.RecordFailedAttempt(model);
        }

        return false;
    }
}

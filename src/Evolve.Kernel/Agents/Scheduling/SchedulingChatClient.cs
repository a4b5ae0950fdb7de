using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Agents.Scheduling;

/// <summary>
/// Makes every request wait for a slot of a shared <see cref="ModelCallScheduler"/> before it
/// reaches the inner client, holding the slot until the response (or the whole stream) is done.
/// The owner is read from <see cref="OwnerKey"/> in the request's additional properties.
/// </summary>
public sealed class SchedulingChatClient : DelegatingChatClient
{
    /// <summary>
    /// Additional-properties key naming the request's owner (e.g. the candidate id); requests without
    /// it share one queue. Starts with the internal prefix, so it never reaches a real provider.
    /// </summary>
    public const string OwnerKey = "evolve.owner";

    private readonly ModelCallScheduler _scheduler;

    /// <summary>Wraps <paramref name="innerClient"/>, queueing its calls on <paramref name="scheduler"/>.</summary>
    public SchedulingChatClient(IChatClient innerClient, ModelCallScheduler scheduler)
        : base(innerClient)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        _scheduler = scheduler;
    }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var lease = await _scheduler.AcquireAsync(OwnerOf(options), cancellationToken).ConfigureAwait(false);
        return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var lease = await _scheduler.AcquireAsync(OwnerOf(options), cancellationToken).ConfigureAwait(false);
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            yield return update;
        }
    }

    private static string? OwnerOf(ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(OwnerKey, out var value) == true ? value?.ToString() : null;
}

using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;

namespace Evolve.Kernel.Providers.Caching;

/// <summary>
/// <see cref="DistributedCachingChatClient"/> with Evolve's key and a hit marker. The key covers
/// the model id, the messages, the options without internal keys, the repeat index (so repeats
/// are independent samples, not copies), the candidate's heuristics and whether log-probabilities
/// were asked for; it never covers the
/// simulator's oracle, which must not influence what a real request is keyed on. Responses
/// served from the cache carry <see cref="ModelResponseKeys.CacheHit"/> = true.
/// </summary>
public sealed class ResponseCacheChatClient : DistributedCachingChatClient
{
    private readonly string _model;

    /// <summary>Caches <paramref name="innerClient"/>'s responses in <paramref name="storage"/> under <paramref name="model"/>.</summary>
    public ResponseCacheChatClient(IChatClient innerClient, IDistributedCache storage, string model)
        : base(innerClient, storage)
    {
        ArgumentException.ThrowIfNullOrEmpty(model);
        _model = model;
    }

    /// <inheritdoc />
    protected override string GetCacheKey(IEnumerable<ChatMessage> messages, ChatOptions? options, params ReadOnlySpan<object?> additionalValues)
    {
        var repeat = ModelRequest.Repeat(options);
        var heuristics = ModelRequest.CanonicalHeuristics(ModelRequest.Heuristics(options));
        object?[] values = ModelRequest.WantsLogProbs(options)
            ? [.. additionalValues, "evolve-cache-v1", _model, repeat, heuristics, "logprobs"]
            : [.. additionalValues, "evolve-cache-v1", _model, repeat, heuristics];
        return base.GetCacheKey(messages, InternalPropertiesStrippingChatClient.Strip(options), values);
    }

    /// <inheritdoc />
    protected override async Task<ChatResponse?> ReadCacheAsync(string key, CancellationToken cancellationToken)
    {
        var response = await base.ReadCacheAsync(key, cancellationToken).ConfigureAwait(false);
        if (response is not null)
        {
            response.AdditionalProperties ??= [];
            response.AdditionalProperties[ModelResponseKeys.CacheHit] = true;
        }

        return response;
    }

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<ChatResponseUpdate>?> ReadCacheStreamingAsync(string key, CancellationToken cancellationToken)
    {
        var updates = await base.ReadCacheStreamingAsync(key, cancellationToken).ConfigureAwait(false);
        if (updates is { Count: > 0 })
        {
            updates[0].AdditionalProperties ??= [];
            updates[0].AdditionalProperties![ModelResponseKeys.CacheHit] = true;
        }

        return updates;
    }
}

using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Providers;

/// <summary>
/// Removes every <see cref="ModelRequestKeys.Prefix"/> key (case id, answer kind, repeat index,
/// heuristics, scheduling owner) from a request's options and messages before it reaches a real
/// provider. None of them is secret (reference answers never enter a request), but they are
/// Evolve's bookkeeping, not the provider's business, and an SDK that forwarded unknown
/// properties would send them. The caller's objects are never modified: when something must go,
/// the request is sent with copies.
/// </summary>
public sealed class InternalPropertiesStrippingChatClient : DelegatingChatClient
{
    /// <summary>Wraps <paramref name="innerClient"/>, the client that talks to the provider.</summary>
    public InternalPropertiesStrippingChatClient(IChatClient innerClient)
        : base(innerClient)
    {
    }

    /// <inheritdoc />
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetResponseAsync(Strip(messages), Strip(options), cancellationToken);

    /// <inheritdoc />
    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetStreamingResponseAsync(Strip(messages), Strip(options), cancellationToken);

    /// <summary>Returns <paramref name="options"/> itself when it holds no internal keys, otherwise a copy without them.</summary>
    internal static ChatOptions? Strip(ChatOptions? options)
    {
        if (options?.AdditionalProperties is not { } properties || !HasInternal(properties))
        {
            return options;
        }

        var copy = options.Clone();
        copy.AdditionalProperties = Without(properties);
        return copy;
    }

    private static IEnumerable<ChatMessage> Strip(IEnumerable<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        if (!list.Any(m => m.AdditionalProperties is { } p && HasInternal(p)))
        {
            return list;
        }

        return list.Select(m =>
        {
            if (m.AdditionalProperties is not { } p || !HasInternal(p))
            {
                return m;
            }

            var copy = m.Clone();
            copy.AdditionalProperties = Without(p);
            return copy;
        }).ToList();
    }

    private static bool HasInternal(AdditionalPropertiesDictionary properties)
    {
        foreach (var key in properties.Keys)
        {
            if (key.StartsWith(ModelRequestKeys.Prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static AdditionalPropertiesDictionary? Without(AdditionalPropertiesDictionary properties)
    {
        var kept = new AdditionalPropertiesDictionary();
        foreach (var (key, value) in properties)
        {
            if (!key.StartsWith(ModelRequestKeys.Prefix, StringComparison.Ordinal))
            {
                kept[key] = value;
            }
        }

        return kept.Count == 0 ? null : kept;
    }
}

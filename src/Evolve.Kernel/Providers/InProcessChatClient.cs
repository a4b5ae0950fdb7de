using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Providers;

/// <summary>
/// What the models that answer inside the process (<c>sim</c>, <c>echo</c>) share: streaming
/// replays the whole response as updates, metadata names the scheme, and there is nothing to release.
/// </summary>
internal abstract class InProcessChatClient(string scheme) : IChatClient
{
    private readonly ChatClientMetadata _metadata = new(scheme, null, scheme);

    public abstract Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
        // Nothing to release: these models hold no connections or handles.
        GC.SuppressFinalize(this);
    }
}

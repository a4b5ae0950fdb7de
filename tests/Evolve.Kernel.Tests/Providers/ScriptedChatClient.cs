using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Tests.Providers;

/// <summary>A fake provider: records every request it receives and answers from a script.</summary>
internal sealed class ScriptedChatClient(Func<IReadOnlyList<ChatMessage>, ChatOptions?, string>? reply = null) : IChatClient
{
    private readonly Lock _gate = new();

    public List<(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)> Received { get; } = [];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        int call;
        lock (_gate)
        {
            Received.Add((list, options));
            call = Received.Count;
        }

        var text = reply?.Invoke(list, options) ?? $"reply {call}";
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            Usage = new UsageDetails { InputTokenCount = 10, OutputTokenCount = 3 },
        });
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}

using Microsoft.Extensions.AI;

namespace Evolve.Cli.Tests.Agent;

/// <summary>A model that shows what it was sent: answers <c>system text | count of user messages | last user text</c>.</summary>
internal sealed class SystemEchoChatClient : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        var system = string.Join("+", list.Where(m => m.Role == ChatRole.System).Select(m => m.Text));
        var users = list.Where(m => m.Role == ChatRole.User).ToList();
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, $"{system}|{users.Count}|{users[^1].Text}")));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("the agent kernel does not stream from the model");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
        // Nothing to release.
    }
}

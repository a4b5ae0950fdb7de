using Microsoft.Extensions.AI;

namespace Evolve.Cli.Tests.Agent;

/// <summary>
/// A model scripted by the user's words: <c>remember X</c> calls the memory tool to add X,
/// <c>search X</c> calls search_sessions for X, a tool result is answered as <c>tool: RESULT</c>, and
/// anything else is answered with the system prompt it was sent (so a test sees the memory in it).
/// Records every request; <see cref="Gate"/>, when set, holds each call until it completes.
/// </summary>
internal sealed class ToolScriptChatClient : IChatClient
{
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _firstCall = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<IReadOnlyList<ChatMessage>> Received { get; } = [];

    /// <summary>When set, every call waits for it, so a test can hold requests in flight.</summary>
    public TaskCompletionSource? Gate { get; init; }

    /// <summary>Completes when the first call arrives.</summary>
    public Task FirstCall => _firstCall.Task;

    public int Calls
    {
        get
        {
            lock (_lock)
            {
                return Received.Count;
            }
        }
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        lock (_lock)
        {
            Received.Add(list);
        }

        _firstCall.TrySetResult();
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        return new ChatResponse(Next(list)) { Usage = new UsageDetails { InputTokenCount = 10, OutputTokenCount = 2 } };
    }

    private static ChatMessage Next(List<ChatMessage> messages)
    {
        if (messages[^1].Contents.OfType<FunctionResultContent>().FirstOrDefault() is { } result)
        {
            return new ChatMessage(ChatRole.Assistant, $"tool: {result.Result}");
        }

        var user = messages.Last(m => m.Role == ChatRole.User).Text;
        if (user.StartsWith("remember ", StringComparison.Ordinal))
        {
            return Call("memory", ("action", "add"), ("target", "memory"), ("text", user["remember ".Length..]));
        }

        if (user.StartsWith("search ", StringComparison.Ordinal))
        {
            return Call("search_sessions", ("query", user["search ".Length..]));
        }

        return new ChatMessage(ChatRole.Assistant, string.Join("\n", messages.Where(m => m.Role == ChatRole.System).Select(m => m.Text)));
    }

    private static ChatMessage Call(string name, params (string Key, object? Value)[] args) =>
        new(ChatRole.Assistant, [new FunctionCallContent("call-1", name, args.ToDictionary(a => a.Key, a => a.Value))]);

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("the agent kernel does not stream from the model");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
        // Nothing to release.
    }
}

using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Tests.Agents.Loop;

/// <summary>A scripted model: each call gets the next message from the script (the last one repeats).</summary>
internal sealed class SequenceChatClient(params Func<int, ChatMessage>[] script) : IChatClient
{
    public List<List<ChatMessage>> Received { get; } = [];

    public static ChatMessage Call(string id, string name, params (string Key, object? Value)[] args) =>
        new(ChatRole.Assistant, [new FunctionCallContent(id, name, args.ToDictionary(a => a.Key, a => a.Value))]);

    public static ChatMessage Answer(string text) => new(ChatRole.Assistant, text);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Received.Add([.. messages]);
        var step = Received.Count;
        var message = script[Math.Min(step, script.Length) - 1](step);
        return Task.FromResult(new ChatResponse(message) { Usage = new UsageDetails { InputTokenCount = 10, OutputTokenCount = 2 } });
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("the loop does not stream");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}

using Microsoft.Extensions.AI;

namespace Evolve.Core.Tests.Fakes;

/// <summary>A chat client whose answers a test scripts as a function of the request; counts calls and peak concurrency.</summary>
internal sealed class ScriptedChatClient(Func<IList<ChatMessage>, ChatOptions?, string> answer) : IChatClient
{
    private int _inFlight;
    private int _calls;
    private int _peak;

    public int Calls => Volatile.Read(ref _calls);

    public int PeakConcurrency => Volatile.Read(ref _peak);

    public List<ChatOptions?> SeenOptions { get; } = [];

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var now = Interlocked.Increment(ref _inFlight);
        Interlocked.Increment(ref _calls);
        int peak;
        while (now > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, peak) != peak)
        {
        }

        lock (SeenOptions)
        {
            SeenOptions.Add(options);
        }

        try
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            var text = answer(messages.ToList(), options);
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
            {
                Usage = new UsageDetails { InputTokenCount = 10, OutputTokenCount = text.Length },
            };
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("streaming is not scripted");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}

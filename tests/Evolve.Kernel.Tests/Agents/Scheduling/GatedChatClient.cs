using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Evolve.Kernel.Agents.Scheduling;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Tests.Agents.Scheduling;

/// <summary>
/// A scripted inner client whose calls start at once (recorded in order) and finish only when the
/// test releases them, so tests drive the scheduler step by step without sleeping.
/// </summary>
internal sealed class GatedChatClient : IChatClient
{
    private readonly Channel<GatedCall> _started = Channel.CreateUnbounded<GatedCall>();
    private int _running;
    private int _maxRunning;

    /// <summary>Names (the user message text) of every call that reached this client, in start order.</summary>
    public List<string> StartOrder { get; } = [];

    /// <summary>The most calls that were running here at once.</summary>
    public int MaxRunning => Volatile.Read(ref _maxRunning);

    /// <summary>Waits (bounded, so a scheduling bug fails instead of hanging) for the next call to start.</summary>
    public async Task<GatedCall> NextStartedAsync() =>
        await _started.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>True when a call has started that no test has taken with <see cref="NextStartedAsync"/> yet.</summary>
    public bool HasUntakenStart => _started.Reader.Count > 0;

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var call = Start(messages);
        try
        {
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, await call.Finish.Task.WaitAsync(cancellationToken)));
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var call = Start(messages);
        try
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, await call.Finish.Task.WaitAsync(cancellationToken));
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    private GatedCall Start(IEnumerable<ChatMessage> messages)
    {
        var call = new GatedCall(messages.Last().Text);
        var running = Interlocked.Increment(ref _running);
        lock (StartOrder)
        {
            StartOrder.Add(call.Name);
            _maxRunning = Math.Max(_maxRunning, running);
        }

        _started.Writer.TryWrite(call);
        return call;
    }
}

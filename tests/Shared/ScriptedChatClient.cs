using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Evolve.Tests.Shared;

/// <summary>
/// The scripted model every test project uses: each call's reply comes from a function of the
/// call number (from 1), the messages and the options; a reply function that throws is a model
/// that fails. Records every request, counts calls and the peak of calls in flight, and reports
/// 10 input tokens and one output token per character of the reply's text.
/// </summary>
internal sealed class ScriptedChatClient : IChatClient
{
    private readonly Func<int, IReadOnlyList<ChatMessage>, ChatOptions?, ChatMessage> _reply;
    private readonly Lock _gate = new();
    private readonly List<ScriptedCall> _received = [];
    private int _inFlight;
    private int _peak;

    /// <summary>Replies with text; without a function, call n replies <c>reply n</c>.</summary>
    public ScriptedChatClient(Func<IReadOnlyList<ChatMessage>, ChatOptions?, string>? reply = null)
        : this((call, messages, options) => Answer(reply?.Invoke(messages, options) ?? $"reply {call}"))
    {
    }

    private ScriptedChatClient(Func<int, IReadOnlyList<ChatMessage>, ChatOptions?, ChatMessage> reply) => _reply = reply;

    /// <summary>Every request so far, in arrival order (a copy).</summary>
    public IReadOnlyList<ScriptedCall> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>The options of every request so far, in arrival order.</summary>
    public IReadOnlyList<ChatOptions?> SeenOptions => [.. Received.Select(r => r.Options)];

    public int Calls
    {
        get
        {
            lock (_gate)
            {
                return _received.Count;
            }
        }
    }

    /// <summary>The most calls that were in flight at once.</summary>
    public int PeakConcurrency => Volatile.Read(ref _peak);

    /// <summary>Call n gets <c>script[n-1](n)</c>; the last step repeats once the script runs out.</summary>
    public static ScriptedChatClient Sequence(params Func<int, ChatMessage>[] script) =>
        new((call, _, _) => script[Math.Min(call, script.Length) - 1](call));

    /// <summary>An assistant message that calls tool <paramref name="name"/>.</summary>
    public static ChatMessage Call(string id, string name, params (string Key, object? Value)[] args) =>
        new(ChatRole.Assistant, [new FunctionCallContent(id, name, args.ToDictionary(a => a.Key, a => a.Value))]);

    /// <summary>An assistant message with the final answer <paramref name="text"/>.</summary>
    public static ChatMessage Answer(string text) => new(ChatRole.Assistant, text);

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<ChatMessage> list = [.. messages];
        int call;
        lock (_gate)
        {
            _received.Add(new ScriptedCall(list, options));
            call = _received.Count;
            _peak = Math.Max(_peak, ++_inFlight);
        }

        try
        {
            // Real providers answer asynchronously; yielding lets concurrent calls overlap.
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            var message = _reply(call, list, options);
            return new ChatResponse(message) { Usage = new UsageDetails { InputTokenCount = 10, OutputTokenCount = message.Text.Length } };
        }
        finally
        {
            lock (_gate)
            {
                _inFlight--;
            }
        }
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
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
        // Nothing to release.
    }
}

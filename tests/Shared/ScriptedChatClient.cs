using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.AI;

namespace Evolve.Tests.Shared;

/// <summary>
/// The scripted model every test project uses: each call's reply comes from a function of the
/// call number (from 1), the messages and the options; a reply function that throws is a model
/// that fails. Records every request, counts calls and the peak of calls in flight, and reports
/// 10 input tokens and one output token per character of the reply's text. <see cref="Script"/>
/// plays fixed steps (answers with chosen usage, failures, hangs) and <see cref="Gated"/> holds
/// calls until the test releases them.
/// </summary>
internal sealed partial class ScriptedChatClient : IChatClient
{
    private readonly Func<int, IReadOnlyList<ChatMessage>, ChatOptions?, ChatMessage>? _reply;
    private readonly bool _script;
    private readonly Channel<ScriptedGate>? _started;
    private readonly Lock _lock = new();
    private readonly List<ScriptedCall> _received = [];
    private readonly Queue<ScriptedStep> _steps = new();
    private readonly List<string> _startOrder = [];
    private int _inFlight;
    private int _peak;

    /// <summary>Replies with text; without a function, call n replies <c>reply n</c>.</summary>
    public ScriptedChatClient(Func<IReadOnlyList<ChatMessage>, ChatOptions?, string>? reply = null)
        : this((call, messages, options) => Answer(reply?.Invoke(messages, options) ?? $"reply {call}"), script: false, gated: false)
    {
    }

    private ScriptedChatClient(Func<int, IReadOnlyList<ChatMessage>, ChatOptions?, ChatMessage>? reply, bool script, bool gated)
    {
        _reply = reply;
        _script = script;
        _started = gated ? Channel.CreateUnbounded<ScriptedGate>() : null;
    }

    /// <summary>Every request so far, in arrival order (a copy).</summary>
    public IReadOnlyList<ScriptedCall> Received
    {
        get
        {
            lock (_lock)
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
            lock (_lock)
            {
                return _received.Count;
            }
        }
    }

    /// <summary>The most calls that were in flight at once.</summary>
    public int PeakConcurrency => Volatile.Read(ref _peak);

    /// <summary>Call n gets <c>script[n-1](n)</c>; the last step repeats once the script runs out.</summary>
    public static ScriptedChatClient Sequence(params Func<int, ChatMessage>[] script) =>
        new((call, _, _) => script[Math.Min(call, script.Length) - 1](call), script: false, gated: false);

    /// <summary>Each call gets the message <paramref name="reply"/> makes of its messages (a model scripted by what it is told).</summary>
    public static ScriptedChatClient Replying(Func<IReadOnlyList<ChatMessage>, ChatMessage> reply) =>
        new((_, messages, _) => reply(messages), script: false, gated: false);

    /// <summary>An assistant message that calls tool <paramref name="name"/>.</summary>
    public static ChatMessage Call(string id, string name, params (string Key, object? Value)[] args) =>
        new(ChatRole.Assistant, [new FunctionCallContent(id, name, args.ToDictionary(a => a.Key, a => a.Value))]);

    /// <summary>An assistant message with the final answer <paramref name="text"/>.</summary>
    public static ChatMessage Answer(string text) => new(ChatRole.Assistant, text);

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            var step = await BeginAsync(messages, options, streaming: false, cancellationToken);
            return step.Failure is { } failure ? throw failure : Respond(step);
        }
        finally
        {
            End();
        }
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        try
        {
            var step = await BeginAsync(messages, options, streaming: true, cancellationToken);
            for (var i = 0; i < step.UpdatesFirst; i++)
            {
                yield return new ChatResponseUpdate(ChatRole.Assistant, $"part {i} ");
            }

            foreach (var update in (step.Failure is { } failure ? throw failure : Respond(step)).ToChatResponseUpdates())
            {
                yield return update;
            }
        }
        finally
        {
            End();
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
        // Nothing to release.
    }

    private static ChatResponse Respond(ScriptedStep step) => new(step.Message!)
    {
        Usage = new UsageDetails { InputTokenCount = step.Input, OutputTokenCount = step.Output, TotalTokenCount = step.Input + step.Output },
    };

    private async Task<ScriptedStep> BeginAsync(IEnumerable<ChatMessage> messages, ChatOptions? options, bool streaming, CancellationToken cancellationToken)
    {
        IReadOnlyList<ChatMessage> list = [.. messages];
        int call;
        ScriptedStep? planned = null;
        ScriptedGate? gate = null;
        lock (_lock)
        {
            _received.Add(new ScriptedCall(list, options));
            call = _received.Count;
            _peak = Math.Max(_peak, ++_inFlight);
            if (_script)
            {
                // Taken on arrival, so steps go to calls in the order the calls came.
                planned = _steps.Count > 0 ? _steps.Dequeue() : throw new InvalidOperationException("the script ran out of steps");
            }

            if (_started is not null)
            {
                gate = new ScriptedGate(list[^1].Text);
                _startOrder.Add(gate.Name);
            }
        }

        if (gate is not null)
        {
            _started!.Writer.TryWrite(gate);
            await gate.Released.WaitAsync(cancellationToken);
        }
        else if (!_script || streaming)
        {
            // Real providers answer asynchronously; yielding lets concurrent calls overlap. A scripted
            // call fails or answers at once instead, so a fake clock's timers are set by the time
            // Calls counts it.
            await Task.Yield();
        }

        cancellationToken.ThrowIfCancellationRequested();
        var step = planned ?? Reply(call, list, options);
        if (step.Hangs)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }

        return step;
    }

    private ScriptedStep Reply(int call, IReadOnlyList<ChatMessage> messages, ChatOptions? options)
    {
        var message = _reply!(call, messages, options);
        return new ScriptedStep(message, 10, message.Text.Length);
    }

    private void End()
    {
        lock (_lock)
        {
            _inFlight--;
        }
    }
}

using System.Threading.Channels;
using Microsoft.Extensions.AI;

namespace Evolve.Tests.Shared;

/// <summary>The scripted and gated kinds of the fake, for decorators that must see failures, hangs and queues.</summary>
internal sealed partial class ScriptedChatClient
{
    /// <summary>A client that plays steps added with <see cref="ThenAnswer"/>, <see cref="ThenFail"/> and <see cref="ThenHang"/>, one a call, in arrival order; a call past the last step throws.</summary>
    public static ScriptedChatClient Script() => new(null, script: true, gated: false);

    /// <summary>
    /// A client whose calls start at once (see <see cref="NextStartedAsync"/>, <see cref="StartOrder"/>)
    /// and finish only when the test releases them, answering <c>done NAME</c> (NAME: the last message's text).
    /// </summary>
    public static ScriptedChatClient Gated() => new((_, messages, _) => Answer("done " + messages[^1].Text), script: false, gated: true);

    /// <summary>Adds a step that answers <paramref name="text"/> with the given token counts.</summary>
    public ScriptedChatClient ThenAnswer(string text, long input = 10, long output = 3) =>
        Then(new ScriptedStep(Answer(text), input, output));

    /// <summary>Adds a step that throws <paramref name="exception"/>; streamed, after <paramref name="updatesFirst"/> parts.</summary>
    public ScriptedChatClient ThenFail(Exception exception, int updatesFirst = 0) =>
        Then(new ScriptedStep(null, 0, 0, exception, updatesFirst));

    /// <summary>Adds a step that waits until its call is cancelled.</summary>
    public ScriptedChatClient ThenHang() => Then(new ScriptedStep(null, 0, 0, Hangs: true));

    /// <summary>Names of every call that reached a gated client, in start order (a copy).</summary>
    public IReadOnlyList<string> StartOrder
    {
        get
        {
            lock (_lock)
            {
                return [.. _startOrder];
            }
        }
    }

    /// <summary>True when a gated call has started that no test has taken with <see cref="NextStartedAsync"/> yet.</summary>
    public bool HasUntakenStart => Started.Reader.Count > 0;

    /// <summary>Waits (bounded, so a scheduling bug fails instead of hanging) for the next gated call to start.</summary>
    public async Task<ScriptedGate> NextStartedAsync() =>
        await Started.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    private Channel<ScriptedGate> Started => _started ?? throw new InvalidOperationException("not a gated client: use ScriptedChatClient.Gated()");

    private ScriptedChatClient Then(ScriptedStep step)
    {
        if (!_script)
        {
            throw new InvalidOperationException("steps belong to a scripted client: use ScriptedChatClient.Script()");
        }

        lock (_lock)
        {
            _steps.Enqueue(step);
        }

        return this;
    }
}

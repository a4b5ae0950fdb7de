using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Tests.Providers.Resilience;

/// <summary>
/// A fake provider that plays a script: each call takes the next step, which either answers (with
/// usage), throws, or (for <see cref="Hang"/>) waits until its token is cancelled. Streaming steps
/// can yield some updates and then throw.
/// </summary>
internal sealed class ScriptChatClient : IChatClient
{
    private readonly Queue<Step> _steps = new();
    private readonly Lock _gate = new();
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public ScriptChatClient Answer(string text, long input = 10, long output = 3)
    {
        _steps.Enqueue(new Step(text, input, output, null, 0, false));
        return this;
    }

    public ScriptChatClient Fail(Exception exception, int updatesFirst = 0)
    {
        _steps.Enqueue(new Step(null, 0, 0, exception, updatesFirst, false));
        return this;
    }

    public ScriptChatClient Hang()
    {
        _steps.Enqueue(new Step(null, 0, 0, null, 0, true));
        return this;
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var step = Next();
        if (step.Hangs)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }

        return step.Failure is { } failure ? throw failure : Respond(step);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var step = Next();
        await Task.Yield();
        for (var i = 0; i < step.UpdatesFirst; i++)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, $"part {i} ");
        }

        if (step.Failure is { } failure)
        {
            throw failure;
        }

        foreach (var update in Respond(step).ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    private static ChatResponse Respond(Step step) => new(new ChatMessage(ChatRole.Assistant, step.Text))
    {
        Usage = new UsageDetails { InputTokenCount = step.Input, OutputTokenCount = step.Output, TotalTokenCount = step.Input + step.Output },
        ModelId = "scripted",
    };

    private Step Next()
    {
        lock (_gate)
        {
            _calls++;
            return _steps.Count > 0 ? _steps.Dequeue() : throw new InvalidOperationException("the script ran out of steps");
        }
    }

    private sealed record Step(string? Text, long Input, long Output, Exception? Failure, int UpdatesFirst, bool Hangs);
}

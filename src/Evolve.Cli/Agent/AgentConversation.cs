using Evolve.Kernel.Agents;
using Evolve.Kernel.Library;
using Microsoft.Extensions.AI;

namespace Evolve.Cli.Agent;

/// <summary>
/// One session of a deployed agent on one resolved version. Messages sent to the model are
/// [system (the version's identity template, rendered with the profile's sample vars), then the
/// user's raw text]: the task template is left out because it renders eval-case variables, and
/// an interactive user's message already is the task.
/// </summary>
internal sealed class AgentConversation : IDisposable
{
    private readonly ChatOptions _options;
    private readonly IChatClient _client;
    private readonly TimeProvider _time;
    private readonly List<ChatMessage> _history = [];
    private readonly SessionRecorder? _recorder;
    private readonly string? _discardOnDispose;

    // discardOnDispose: a state folder only this session can ever read (its own memory), deleted when it ends.
    public AgentConversation(ResolvedVersion version, string? systemText, ChatOptions options, IChatClient client, TimeProvider time, SessionRecorder? recorder = null, string? discardOnDispose = null)
    {
        _recorder = recorder;
        _discardOnDispose = discardOnDispose;
        Version = version;
        SystemText = systemText;
        _options = options;
        _client = client;
        _time = time;
        if (systemText is not null)
        {
            _history.Add(new ChatMessage(ChatRole.System, systemText));
        }
    }

    /// <summary>The version answering this session.</summary>
    public ResolvedVersion Version { get; }

    /// <summary>The rendered system prompt, or null when the agent has none.</summary>
    public string? SystemText { get; }

    /// <summary>Adds a user turn to the kept conversation and returns the agent's answer.</summary>
    public async Task<AgentTurn> AskAsync(string userText, CancellationToken cancellationToken)
    {
        // The history only grows once the model answered, so a failed turn can simply be retried.
        var messages = new List<ChatMessage>(_history) { new(ChatRole.User, userText) };
        var turn = await AgentSession.RunAsync(_client, messages, _options.Clone(), _time, cancellationToken).ConfigureAwait(false);
        _history.Clear();
        _history.AddRange(turn.Messages);
        await RecordAsync(turn, cancellationToken).ConfigureAwait(false);
        return turn;
    }

    /// <summary>
    /// Answers a whole conversation a client sent (OpenAI style): the agent's system prompt comes
    /// first, then the client's messages in order, client system messages included.
    /// </summary>
    public async Task<AgentTurn> CompleteAsync(IEnumerable<ChatMessage> clientMessages, CancellationToken cancellationToken)
    {
        var messages = new List<ChatMessage>(_history);
        messages.AddRange(clientMessages);
        var turn = await AgentSession.RunAsync(_client, messages, _options.Clone(), _time, cancellationToken).ConfigureAwait(false);
        await RecordAsync(turn, cancellationToken).ConfigureAwait(false);
        return turn;
    }

    /// <summary>The session id this conversation is recorded under, or null when it is not recorded.</summary>
    public string? SessionId => _recorder?.SessionId;

    /// <summary>Ends the session: state only it could ever read is deleted.</summary>
    public void Dispose()
    {
        if (_discardOnDispose is { } folder && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private Task RecordAsync(AgentTurn turn, CancellationToken cancellationToken) =>
        _recorder is null ? Task.CompletedTask : _recorder.RecordAsync(turn.Messages, cancellationToken);
}

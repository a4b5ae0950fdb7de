using Evolve.Kernel.Agents.Loop;
using Evolve.Kernel.Agents.Prompting;
using Evolve.Kernel.Agents.Sessions;
using Evolve.Kernel.Library;
using Microsoft.Extensions.AI;

namespace Evolve.Cli.Agent;

/// <summary>
/// Writes one deployed-agent session to the agent's session store: the version it resolved
/// (<c>agent@N#sha</c>), the hash of its system prompt, and every message as the conversation grows,
/// so <c>search_sessions</c> and people can find it later. <paramref name="scope"/> is whose session it
/// is (null: the agent's shared sessions); search_sessions only finds sessions of its own scope.
/// </summary>
internal sealed class SessionRecorder(SessionStore store, string sessionId, ResolvedVersion version, string? systemText, string? scope = null)
{
    private int _recorded;
    private bool _started;

    public string SessionId { get; } = sessionId;

    /// <summary>Appends the messages not recorded yet (the conversation only ever grows).</summary>
    public async Task RecordAsync(IReadOnlyList<ChatMessage> conversation, CancellationToken cancellationToken)
    {
        if (!_started)
        {
            var hash = LayeredPromptBuilder.Sha256(systemText ?? "");
            await store.StartSessionAsync(SessionId, version.Agent, null, [version.ToString()], hash, scope, cancellationToken).ConfigureAwait(false);
            _started = true;
        }

        foreach (var message in conversation.Skip(_recorded))
        {
            var call = message.Contents.OfType<FunctionCallContent>().FirstOrDefault();
            await store.AppendMessageAsync(SessionId, message.Role.Value, TraceText.Of(message), call?.Name, call is null ? null : TraceText.Of(message), cancellationToken).ConfigureAwait(false);
        }

        _recorded = conversation.Count;
    }
}

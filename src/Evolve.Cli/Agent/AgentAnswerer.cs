using Evolve.Cli.Serving;

namespace Evolve.Cli.Agent;

/// <summary>
/// Answers each served request as a session of its own with the deployed agent: resolving the
/// version per request is what makes a deploy visible to the next one.
/// </summary>
internal sealed class AgentAnswerer(AgentRuntime runtime) : IChatAnswerer
{
    /// <summary>The response header naming the version that answered.</summary>
    public const string VersionHeader = "X-Evolve-Agent-Version";

    public string Model => runtime.Agent;

    public string? FingerprintHeader => VersionHeader;

    public async Task<ChatAnswer> AnswerAsync(ChatCompletionRequest request, string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Clients never see each other's memory or sessions: the user's own, else this request's alone.
        var scope = request.User is { Length: > 0 } user ? AgentScope.ForUser(user) : AgentScope.OwnSession;
        using var session = runtime.Begin(request.User ?? requestId, scope);
        var turn = await session.CompleteAsync(request.Messages, cancellationToken).ConfigureAwait(false);
        return new ChatAnswer(turn.Output, turn.Usage, session.Version.ToString());
    }
}

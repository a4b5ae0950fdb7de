using System.Security.Cryptography;
using System.Text;

namespace Evolve.Cli.Agent;

/// <summary>
/// Whose memory and past sessions a session's tools see. <see cref="Shared"/> is the agent's own
/// (<c>agent run</c> and <c>agent chat</c>, which the operator runs, and <c>agent serve</c> when
/// agent.yaml says <c>shared_memory: true</c>); a served client gets <see cref="ForUser"/> when its
/// request names a <c>user</c>, else <see cref="OwnSession"/>, which lasts one request.
/// </summary>
internal sealed record AgentScope
{
    private AgentScope(string? user, bool ownSession)
    {
        User = user;
        IsOwnSession = ownSession;
    }

    /// <summary>The agent's own memory (<c>.state/memory</c>) and the sessions recorded without a scope.</summary>
    public static AgentScope Shared { get; } = new(null, ownSession: false);

    /// <summary>Memory and sessions that live only as long as the one session using them.</summary>
    public static AgentScope OwnSession { get; } = new(null, ownSession: true);

    /// <summary>The user named, or null.</summary>
    public string? User { get; }

    /// <summary>True for <see cref="OwnSession"/>: nothing outlives the session.</summary>
    public bool IsOwnSession { get; }

    /// <summary>Memory and sessions of one user, as the OpenAI <c>user</c> field names them.</summary>
    public static AgentScope ForUser(string user)
    {
        ArgumentException.ThrowIfNullOrEmpty(user);
        return new AgentScope(user, ownSession: false);
    }

    /// <summary>The key sessions are recorded and searched under: null when shared.</summary>
    public string? KeyFor(string sessionId) =>
        User is not null ? "user:" + User : IsOwnSession ? "session:" + sessionId : null;

    /// <summary>The memory folder under the agent's <c>.state</c> folder.</summary>
    /// <remarks>A scoped folder is named by a hash of its key, so a user id can never name a path.</remarks>
    public string MemoryFolder(string stateDirectory, string sessionId) => KeyFor(sessionId) is { } key
        ? Path.Combine(stateDirectory, "scopes", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32], "memory")
        : Path.Combine(stateDirectory, "memory");
}

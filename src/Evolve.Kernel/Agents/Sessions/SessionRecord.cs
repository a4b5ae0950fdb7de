namespace Evolve.Kernel.Agents.Sessions;

/// <summary>One agent session as stored.</summary>
/// <param name="Id">The session id, chosen by the caller.</param>
/// <param name="Agent">The agent's name.</param>
/// <param name="ParentId">The session this one was forked or delegated from, if any.</param>
/// <param name="Started">When the session started (from the store's clock).</param>
/// <param name="Artifacts">The resolved artifact versions, each <c>artifact@version#sha</c>.</param>
/// <param name="PromptHash">The hash of the assembled prompt.</param>
/// <param name="Scope">Whose session it is (for example <c>user:alice</c>), or null for the agent's shared sessions.</param>
public sealed record SessionRecord(
    string Id,
    string Agent,
    string? ParentId,
    DateTimeOffset Started,
    IReadOnlyList<string> Artifacts,
    string PromptHash,
    string? Scope = null);

namespace Evolve.Kernel.Agents.Sessions;

/// <summary>A session matching a search, represented by its best-matching message.</summary>
/// <param name="SessionId">The matching session.</param>
/// <param name="Snippet">Text around the match, matched terms in [brackets].</param>
/// <param name="Rank">FTS5 bm25 rank: lower is a better match.</param>
public sealed record SessionSearchHit(string SessionId, string Snippet, double Rank);

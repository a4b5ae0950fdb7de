using System.ComponentModel;
using Evolve.Kernel.Agents.Sessions;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Agents.Tools;

/// <summary><c>search_sessions</c>: full-text search over past sessions (SQLite FTS5) of one scope only.</summary>
internal static class SearchSessionsTool
{
    public const string Description = "Search past sessions by keywords; returns matching session ids with snippets.";

    public static AIFunction Create(SessionStore store, string? scope, int maxChars) =>
        AIFunctionFactory.Create(
            async (
                [Description("Keywords to search for.")] string query,
                [Description("Most results to return (1-20).")] int limit = 5,
                CancellationToken cancellationToken = default) =>
            {
                var hits = await store.SearchInScopeAsync(query, scope, Math.Clamp(limit, 1, 20), cancellationToken).ConfigureAwait(false);
                var text = hits.Count == 0
                    ? "no matching sessions"
                    : string.Join('\n', hits.Select(h => $"{h.SessionId}: {h.Snippet}"));
                return ToolText.Truncate(text, maxChars);
            },
            ToolNames.SearchSessions,
            Description);
}

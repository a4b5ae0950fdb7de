namespace Evolve.Kernel.Agents.Sessions;

public sealed partial class SessionStore
{
    /// <summary>The session with <paramref name="id"/>, or null.</summary>
    public async Task<SessionRecord?> GetSessionAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, agent, parent_id, started, artifacts, prompt_hash, scope FROM sessions WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var artifacts = reader.GetString(4);
        return new SessionRecord(
            reader.GetString(0),
            reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
            artifacts.Length == 0 ? [] : artifacts.Split('\n'),
            reader.GetString(5),
            reader.IsDBNull(6) ? null : reader.GetString(6));
    }

    /// <summary>The messages of a session in order (empty when the session has none or does not exist).</summary>
    public async Task<IReadOnlyList<SessionMessage>> GetMessagesAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionId);
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, role, content, tool_name, tool_call, time FROM messages WHERE session_id = $sid ORDER BY seq";
        command.Parameters.AddWithValue("$sid", sessionId);
        var messages = new List<SessionMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            messages.Add(new SessionMessage(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5))));
        }

        return messages;
    }

    /// <summary>
    /// Sessions whose messages contain every word of <paramref name="query"/> (in content, tool
    /// name or tool call), best first, one hit per session. The query is plain text: FTS5 syntax
    /// in it is searched for literally. Text without any word returns no hits.
    /// </summary>
    public Task<IReadOnlyList<SessionSearchHit>> SearchAsync(string query, int limit = 10, CancellationToken cancellationToken = default) =>
        SearchCoreAsync(query, allScopes: true, scope: null, limit, cancellationToken);

    /// <summary>
    /// As <see cref="SearchAsync"/>, but only among the sessions recorded with <paramref name="scope"/>
    /// (null: those recorded without one), so one client's agent never finds another's sessions.
    /// </summary>
    public Task<IReadOnlyList<SessionSearchHit>> SearchInScopeAsync(string query, string? scope, int limit = 10, CancellationToken cancellationToken = default) =>
        SearchCoreAsync(query, allScopes: false, scope, limit, cancellationToken);

    private async Task<IReadOnlyList<SessionSearchHit>> SearchCoreAsync(string query, bool allScopes, string? scope, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (FtsQuery.Sanitize(query) is not { } match)
        {
            return [];
        }

        await using var connection = Open();
        await using var command = connection.CreateCommand();

        // The CTE is materialised because FTS5's auxiliary functions only run in the query that
        // does the MATCH; SQLite fills the bare columns of min() from the row holding the minimum,
        // so each session is represented by its best-ranked message.
        command.CommandText =
            """
            WITH hits AS MATERIALIZED (
                SELECT m.session_id AS session_id,
                       snippet(messages_fts, -1, '[', ']', '...', 16) AS snip,
                       bm25(messages_fts) AS rank
                FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid JOIN sessions s ON s.id = m.session_id
                WHERE messages_fts MATCH $match AND ($all OR s.scope IS $scope))
            SELECT session_id, snip, min(rank) FROM hits
            GROUP BY session_id
            ORDER BY min(rank), session_id
            LIMIT $limit
            """;
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$limit", limit);
        command.Parameters.AddWithValue("$all", allScopes);
        command.Parameters.AddWithValue("$scope", (object?)scope ?? DBNull.Value);
        var hits = new List<SessionSearchHit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            hits.Add(new SessionSearchHit(reader.GetString(0), reader.GetString(1), reader.GetDouble(2)));
        }

        return hits;
    }

    /// <summary>The ids of the sessions started from <paramref name="parentId"/>, oldest first.</summary>
    public async Task<IReadOnlyList<string>> GetChildrenAsync(string parentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(parentId);
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM sessions WHERE parent_id = $id ORDER BY started, id";
        command.Parameters.AddWithValue("$id", parentId);
        var children = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            children.Add(reader.GetString(0));
        }

        return children;
    }
}

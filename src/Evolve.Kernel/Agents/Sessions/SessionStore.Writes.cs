namespace Evolve.Kernel.Agents.Sessions;

public sealed partial class SessionStore
{
    /// <summary>Records the start of a session in the shared scope; throws if the id exists or the parent does not.</summary>
    /// <param name="id">The new session's id.</param>
    /// <param name="agent">The agent running it.</param>
    /// <param name="parentId">The parent session, or null.</param>
    /// <param name="artifacts">Resolved artifact versions, each <c>artifact@version#sha</c>.</param>
    /// <param name="promptHash">The hash of the assembled prompt.</param>
    /// <param name="cancellationToken">Cancels waiting for a busy database.</param>
    public Task<SessionRecord> StartSessionAsync(
        string id,
        string agent,
        string? parentId,
        IReadOnlyList<string> artifacts,
        string promptHash,
        CancellationToken cancellationToken = default) =>
        StartSessionAsync(id, agent, parentId, artifacts, promptHash, scope: null, cancellationToken);

    /// <summary>Records the start of a session; throws if the id exists or the parent does not.</summary>
    /// <param name="id">The new session's id.</param>
    /// <param name="agent">The agent running it.</param>
    /// <param name="parentId">The parent session, or null.</param>
    /// <param name="artifacts">Resolved artifact versions, each <c>artifact@version#sha</c>.</param>
    /// <param name="promptHash">The hash of the assembled prompt.</param>
    /// <param name="scope">Whose session it is (searched only by <see cref="SearchInScopeAsync"/> with the same scope), or null for the shared scope.</param>
    /// <param name="cancellationToken">Cancels waiting for a busy database.</param>
    public Task<SessionRecord> StartSessionAsync(
        string id,
        string agent,
        string? parentId,
        IReadOnlyList<string> artifacts,
        string promptHash,
        string? scope,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(agent);
        ArgumentNullException.ThrowIfNull(artifacts);
        ArgumentNullException.ThrowIfNull(promptHash);
        ValidateArtifacts(artifacts);
        var started = Now();
        return Write(
            _ =>
            {
                using var connection = Open();
                using var command = connection.CreateCommand();
                command.CommandText =
                    "INSERT INTO sessions (id, agent, parent_id, started, artifacts, prompt_hash, scope) VALUES ($id, $agent, $parent, $started, $artifacts, $hash, $scope)";
                command.Parameters.AddWithValue("$id", id);
                command.Parameters.AddWithValue("$agent", agent);
                command.Parameters.AddWithValue("$parent", (object?)parentId ?? DBNull.Value);
                command.Parameters.AddWithValue("$started", started);
                command.Parameters.AddWithValue("$artifacts", string.Join('\n', artifacts));
                command.Parameters.AddWithValue("$hash", promptHash);
                command.Parameters.AddWithValue("$scope", (object?)scope ?? DBNull.Value);
                command.ExecuteNonQuery();
                return new SessionRecord(id, agent, parentId, DateTimeOffset.FromUnixTimeMilliseconds(started), [.. artifacts], promptHash, scope);
            },
            cancellationToken);
    }

    /// <summary>Appends a message to a session, numbering it after the session's last message.</summary>
    public Task<SessionMessage> AppendMessageAsync(
        string sessionId,
        string role,
        string content,
        string? toolName = null,
        string? toolCall = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        ArgumentNullException.ThrowIfNull(content);
        var time = Now();
        return Write(
            _ =>
            {
                using var connection = Open();
                using var command = connection.CreateCommand();

                // One statement, so the number and the insert happen under the same write lock.
                command.CommandText =
                    """
                    INSERT INTO messages (session_id, seq, role, content, tool_name, tool_call, time)
                    SELECT $sid, coalesce(max(seq), 0) + 1, $role, $content, $tool, $call, $time
                    FROM messages WHERE session_id = $sid
                    RETURNING seq
                    """;
                command.Parameters.AddWithValue("$sid", sessionId);
                command.Parameters.AddWithValue("$role", role);
                command.Parameters.AddWithValue("$content", content);
                command.Parameters.AddWithValue("$tool", (object?)toolName ?? DBNull.Value);
                command.Parameters.AddWithValue("$call", (object?)toolCall ?? DBNull.Value);
                command.Parameters.AddWithValue("$time", time);
                var seq = (long)command.ExecuteScalar()!;
                return new SessionMessage(seq, role, content, toolName, toolCall, DateTimeOffset.FromUnixTimeMilliseconds(time));
            },
            cancellationToken);
    }

    /// <summary>Deletes a session and its messages (and their search entries); its children keep running as roots. Returns whether it existed.</summary>
    public Task<bool> DeleteSessionAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionId);
        return Write(
            _ =>
            {
                using var connection = Open();
                using var transaction = connection.BeginTransaction(deferred: false);
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "UPDATE sessions SET parent_id = NULL WHERE parent_id = $id; DELETE FROM messages WHERE session_id = $id; DELETE FROM sessions WHERE id = $id";
                command.Parameters.AddWithValue("$id", sessionId);
                command.ExecuteNonQuery();
                using var changes = connection.CreateCommand();
                changes.Transaction = transaction;
                changes.CommandText = "SELECT changes()";
                var deleted = (long)changes.ExecuteScalar()! > 0;
                transaction.Commit();
                return deleted;
            },
            cancellationToken);
    }
}

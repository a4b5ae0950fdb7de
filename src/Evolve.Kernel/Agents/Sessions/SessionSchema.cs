using Microsoft.Data.Sqlite;

namespace Evolve.Kernel.Agents.Sessions;

/// <summary>The tables of the session store; idempotent, run on every open.</summary>
internal static class SessionSchema
{
    /// <summary>
    /// Brings a store made before sessions had a scope up to date: its sessions keep a null scope,
    /// which is the agent's shared one. Two processes may race here; the loser finds the column added.
    /// </summary>
    public static void Migrate(SqliteConnection connection)
    {
        using var columns = connection.CreateCommand();
        columns.CommandText = "SELECT count(*) FROM pragma_table_info('sessions') WHERE name = 'scope'";
        if ((long)columns.ExecuteScalar()! == 0)
        {
            using var alter = connection.CreateCommand();
            alter.CommandText = "ALTER TABLE sessions ADD COLUMN scope TEXT NULL";
            try
            {
                alter.ExecuteNonQuery();
            }
            catch (SqliteException ex) when (ex.Message.Contains("duplicate column", StringComparison.OrdinalIgnoreCase))
            {
                // Another process migrated it first.
            }
        }

        using var index = connection.CreateCommand();
        index.CommandText = "CREATE INDEX IF NOT EXISTS sessions_scope ON sessions(scope)";
        index.ExecuteNonQuery();
    }

    // messages_fts is an external-content FTS5 index over messages; the triggers keep it in step
    // with every insert, update and delete so search never sees a stale or missing row.
    public const string Sql =
        """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS sessions (
            id          TEXT    NOT NULL PRIMARY KEY,
            agent       TEXT    NOT NULL,
            parent_id   TEXT    NULL REFERENCES sessions(id),
            started     INTEGER NOT NULL,
            artifacts   TEXT    NOT NULL,
            prompt_hash TEXT    NOT NULL,
            scope       TEXT    NULL
        );
        CREATE INDEX IF NOT EXISTS sessions_parent ON sessions(parent_id);
        CREATE TABLE IF NOT EXISTS messages (
            id         INTEGER PRIMARY KEY,
            session_id TEXT    NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            seq        INTEGER NOT NULL,
            role       TEXT    NOT NULL,
            content    TEXT    NOT NULL,
            tool_name  TEXT    NULL,
            tool_call  TEXT    NULL,
            time       INTEGER NOT NULL,
            UNIQUE (session_id, seq)
        );
        CREATE VIRTUAL TABLE IF NOT EXISTS messages_fts USING fts5(
            content, tool_name, tool_call, content = 'messages', content_rowid = 'id');
        CREATE TRIGGER IF NOT EXISTS messages_fts_insert AFTER INSERT ON messages BEGIN
            INSERT INTO messages_fts (rowid, content, tool_name, tool_call)
            VALUES (new.id, new.content, new.tool_name, new.tool_call);
        END;
        CREATE TRIGGER IF NOT EXISTS messages_fts_delete AFTER DELETE ON messages BEGIN
            INSERT INTO messages_fts (messages_fts, rowid, content, tool_name, tool_call)
            VALUES ('delete', old.id, old.content, old.tool_name, old.tool_call);
        END;
        CREATE TRIGGER IF NOT EXISTS messages_fts_update AFTER UPDATE ON messages BEGIN
            INSERT INTO messages_fts (messages_fts, rowid, content, tool_name, tool_call)
            VALUES ('delete', old.id, old.content, old.tool_name, old.tool_call);
            INSERT INTO messages_fts (rowid, content, tool_name, tool_call)
            VALUES (new.id, new.content, new.tool_name, new.tool_call);
        END;
        """;
}

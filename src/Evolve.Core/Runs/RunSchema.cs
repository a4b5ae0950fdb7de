namespace Evolve.Core.Runs;

/// <summary>The run database's tables. One database per run, in WAL mode.</summary>
internal static class RunSchema
{
    public static readonly string Create = $$"""
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        CREATE TABLE IF NOT EXISTS run (
            id TEXT PRIMARY KEY, kind TEXT NOT NULL, suite TEXT NOT NULL, suite_hash TEXT NOT NULL,
            agent TEXT NOT NULL, model TEXT NOT NULL, simulated INTEGER NOT NULL, options TEXT NOT NULL,
            status TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT);
        CREATE TABLE IF NOT EXISTS candidates (
            id TEXT PRIMARY KEY, components TEXT NOT NULL, parents TEXT NOT NULL, operator TEXT NOT NULL,
            generation INTEGER NOT NULL, created_at TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT '{{CandidateStatusNames.Name(CandidateStatus.Evaluated)}}', info TEXT NOT NULL DEFAULT '{}');
        CREATE TABLE IF NOT EXISTS reflections (
            key TEXT PRIMARY KEY, model TEXT NOT NULL, prompt TEXT NOT NULL, reply TEXT NOT NULL,
            finish_reason TEXT, created_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS generations (
            generation INTEGER PRIMARY KEY, summary TEXT NOT NULL, created_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS rollouts (
            candidate_id TEXT NOT NULL, case_id TEXT NOT NULL, repeat INTEGER NOT NULL, split TEXT NOT NULL,
            output TEXT NOT NULL, score REAL NOT NULL, pass INTEGER NOT NULL, feedback TEXT NOT NULL,
            assertions TEXT NOT NULL, input_tokens INTEGER NOT NULL, output_tokens INTEGER NOT NULL,
            latency_ms REAL NOT NULL, cache_hit INTEGER NOT NULL, error TEXT, trace TEXT, created_at TEXT NOT NULL, cost REAL,
            PRIMARY KEY (candidate_id, case_id, repeat));
        CREATE TABLE IF NOT EXISTS events (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, kind TEXT NOT NULL, data TEXT NOT NULL);
        """;

    /// <summary>
    /// Adds columns introduced after a run database may have been created, so an older run still
    /// resumes: <c>rollouts.cost</c> (US dollars, null when the price is unknown).
    /// </summary>
    public static void Upgrade(Microsoft.Data.Sqlite.SqliteConnection connection)
    {
        using var probe = connection.CreateCommand();
        probe.CommandText = "SELECT COUNT(*) FROM pragma_table_info('rollouts') WHERE name = 'cost'";
        if (Convert.ToInt64(probe.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            using var alter = connection.CreateCommand();
            alter.CommandText = "ALTER TABLE rollouts ADD COLUMN cost REAL";
            alter.ExecuteNonQuery();
        }
    }
}

using System.Text.Json;
using Evolve.Core.Runs;
using Microsoft.Data.Sqlite;

namespace Evolve.Cli.Tests.Verbs;

/// <summary>
/// A child identical to a candidate already made is refused as a duplicate: the refusal is its own
/// proposal event and never rewrites the stored candidate it duplicates.
/// </summary>
public sealed class RunCandidateStatusTests
{
    // The arith suite's heuristics knobs make identical children within a few generations at this seed.
    private static readonly string[] Args = ["run", "--suite", "arith", "--budget", "500", "--batch", "100", "--seed", "1"];

    private static string RunDb(TempDirectory dir) => Path.Combine(Assert.Single(SmallWorkspace.RunFolders(dir)), RunStore.FileName);

    private static SqliteConnection Connect(string db)
    {
        var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        return connection;
    }

    private static List<string> Column(string db, string sql)
    {
        using var connection = Connect(db);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetValue(0).ToString()!);
        }

        return values;
    }

    private static int LastPoolSize(string db) =>
        JsonDocument.Parse(Column(db, "SELECT summary FROM generations ORDER BY generation DESC LIMIT 1")[0]).RootElement.GetProperty("poolSize").GetInt32();

    private static List<string> DuplicatedPrefixes(string db) =>
        Column(db, "SELECT data FROM events WHERE kind = 'proposal-skipped' AND data LIKE '%identical to the existing candidate%'")
            .Select(d => JsonDocument.Parse(d).RootElement.GetProperty("problem").GetString()!)
            .Select(p => p[(p.LastIndexOf(' ') + 1)..].TrimEnd('.'))
            .ToList();

    [Fact]
    public async Task Run_ChildIdenticalToAStoredCandidate_LeavesThatCandidatesStatusAlone()
    {
        using var dir = Workspace.CopyShipped();

        var run = await CliRun.InvokeAsync(dir.Path, Args);

        Assert.Equal(0, run.ExitCode);
        var db = RunDb(dir);
        Assert.NotEmpty(DuplicatedPrefixes(db));
        Assert.Equal(LastPoolSize(db), Column(db, "SELECT id FROM candidates WHERE status = 'pool'").Count);
        Assert.Empty(Column(db, "SELECT id FROM candidates WHERE status = 'guarded' AND id IN (SELECT candidate_id FROM rollouts)"));
    }

    [Fact]
    public async Task Run_ResumingARunWhoseStatusesADuplicateOverwrote_EndsWithThePoolItReports()
    {
        using var dir = Workspace.CopyShipped();
        var first = await CliRun.InvokeAsync(dir.Path, Args);
        Assert.Equal(0, first.ExitCode);
        var db = RunDb(dir);
        var poolSize = LastPoolSize(db);
        // What the old upsert left behind: every duplicated candidate marked guarded, and the run stopped early.
        using (var connection = Connect(db))
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                UPDATE candidates SET status = 'guarded', info = '{"problems":["the child is identical to the existing candidate ' || substr(id, 1, 12) || '."]}'
                WHERE substr(id, 1, 12) IN (SELECT value FROM json_each($ids));
                UPDATE run SET status = 'interrupted', finished_at = NULL;
                """;
            command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(DuplicatedPrefixes(db)));
            Assert.InRange(command.ExecuteNonQuery(), 2, int.MaxValue);
        }

        var resumed = await CliRun.InvokeAsync(dir.Path, Args);

        Assert.Equal(0, resumed.ExitCode);
        Assert.Contains("(resumed)", resumed.Out, StringComparison.Ordinal);
        Assert.Equal(poolSize, LastPoolSize(db));
        Assert.Equal(poolSize, Column(db, "SELECT id FROM candidates WHERE status = 'pool'").Count);
        Assert.Empty(Column(db, "SELECT id FROM candidates WHERE status = 'guarded' AND id IN (SELECT candidate_id FROM rollouts)"));
    }
}

using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Evolve.Core.Runs;

/// <summary>Read-only access for listing and inspecting runs: opening a run this way never writes or creates a file.</summary>
public sealed partial class RunStore
{
    /// <summary>
    /// Opens an existing run database read-only, without creating the schema. A database whose
    /// writer is gone has no <c>-wal</c> file; it is opened immutable, because a plain read-only
    /// open of a WAL database creates <c>-wal</c> and <c>-shm</c> files beside it. A database with a
    /// live writer (its <c>-wal</c> exists) is opened read-only through the existing files.
    /// </summary>
    /// <exception cref="SqliteException">The file is not a SQLite database.</exception>
    /// <exception cref="FileNotFoundException">There is no run.db in the folder.</exception>
    public static RunStore OpenReadOnly(string runDirectory, TimeProvider time)
    {
        var path = Path.Combine(runDirectory, FileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"no {FileName} in {runDirectory}", path);
        }

        var uri = new Uri(Path.GetFullPath(path)).AbsoluteUri + (File.Exists(path + "-wal") ? "?mode=ro" : "?immutable=1");
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = uri,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        return new RunStore(runDirectory, connection, time);
    }

    /// <summary>Rollouts stored.</summary>
    public int CountRollouts()
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM rollouts";
            return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The mean rollout score of each candidate on one split, by candidate id.</summary>
    public IReadOnlyDictionary<string, double> MeanScores(string split)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT candidate_id, AVG(score) FROM rollouts WHERE split = $split GROUP BY candidate_id";
            command.Parameters.AddWithValue("$split", split);
            using var reader = command.ExecuteReader();
            var result = new Dictionary<string, double>(StringComparer.Ordinal);
            while (reader.Read())
            {
                result[reader.GetString(0)] = reader.GetDouble(1);
            }

            return result;
        }
    }

    /// <summary>Mean over cases of the mean score over repeats (the eval headline), or null without rollouts; computed in SQL, not by loading every rollout.</summary>
    public double? MeanCaseScore()
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT AVG(m) FROM (SELECT AVG(score) AS m FROM rollouts GROUP BY candidate_id, case_id)";
            return command.ExecuteScalar() is double mean ? mean : null;
        }
    }
}

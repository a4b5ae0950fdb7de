using System.Globalization;
using System.Text.Json;
using Evolve.Core.Evaluation;
using Evolve.Core.Scoring;
using Evolve.Core.Suites;
using Microsoft.Data.Sqlite;

namespace Evolve.Core.Runs;

/// <summary>
/// A run's SQLite database (<c>runs/&lt;id&gt;/run.db</c>, WAL): the run header, candidates, every
/// rollout and events. Safe to share between threads; writes are serialized on one connection.
/// </summary>
public sealed partial class RunStore : IDisposable, Gepa.Seams.IRunJournal
{
    /// <summary>File name of the database inside a run folder.</summary>
    public const string FileName = "run.db";

    private const int Corrupt = 11;
    private const int NotADatabase = 26;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;

    private RunStore(string directory, SqliteConnection connection, TimeProvider time)
    {
        Directory = directory;
        _connection = connection;
        _time = time;
    }

    /// <summary>The run folder.</summary>
    public string Directory { get; }

    /// <summary>Creates the run folder and database and records the header.</summary>
    public static RunStore Create(string runsDirectory, RunInfo info, TimeProvider time)
    {
        var directory = Path.Combine(runsDirectory, info.Id);
        System.IO.Directory.CreateDirectory(directory);
        var store = Open(directory, time);
        store.Execute(
            "INSERT INTO run (id, kind, suite, suite_hash, agent, model, simulated, options, status, started_at) VALUES ($id, $kind, $suite, $hash, $agent, $model, $sim, $options, $status, $started)",
            ("$id", info.Id), ("$kind", info.Kind), ("$suite", info.Suite), ("$hash", info.SuiteHash), ("$agent", info.Agent),
            ("$model", info.Model), ("$sim", info.Simulated), ("$options", info.OptionsJson), ("$status", info.Status),
            ("$started", info.StartedAt.ToString("O", CultureInfo.InvariantCulture)));
        return store;
    }

    /// <summary>Opens an existing run folder (or creates the schema in a new one).</summary>
    public static RunStore Open(string runDirectory, TimeProvider time)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(runDirectory, FileName),
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = RunSchema.Create;
            command.ExecuteNonQuery();
            RunSchema.Upgrade(connection);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is NotADatabase or Corrupt)
        {
            connection.Dispose();
            throw new Kernel.InputException(Path.Combine(runDirectory, FileName), null, null, "is not a run database (not SQLite, or damaged)");
        }

        RunStatusRepair.Apply(connection);

        return new RunStore(runDirectory, connection, time);
    }

    /// <summary>Reads the run header.</summary>
    public RunInfo LoadInfo()
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT id, kind, suite, suite_hash, agent, model, simulated, options, status, started_at, finished_at FROM run LIMIT 1";
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                throw new InvalidOperationException($"{Path.Combine(Directory, FileName)} has no run header");
            }

            return new RunInfo
            {
                Id = reader.GetString(0), Kind = reader.GetString(1), Suite = reader.GetString(2), SuiteHash = reader.GetString(3),
                Agent = reader.GetString(4), Model = reader.GetString(5), Simulated = reader.GetBoolean(6), OptionsJson = reader.GetString(7),
                Status = reader.GetString(8), StartedAt = DateTimeOffset.Parse(reader.GetString(9), CultureInfo.InvariantCulture),
                FinishedAt = reader.IsDBNull(10) ? null : DateTimeOffset.Parse(reader.GetString(10), CultureInfo.InvariantCulture),
            };
        }
    }

    /// <summary>Marks the run finished, interrupted or failed.</summary>
    public void SetStatus(string status) =>
        Execute("UPDATE run SET status = $status, finished_at = $at", ("$status", status), ("$at", status == RunStatus.Running ? null : Now()));

    /// <summary>Records a candidate (idempotent).</summary>
    public void SaveCandidate(Candidate candidate) =>
        Execute(
            "INSERT OR IGNORE INTO candidates (id, components, parents, operator, generation, created_at) VALUES ($id, $c, $p, $op, $gen, $at)",
            ("$id", candidate.Id), ("$c", JsonSerializer.Serialize(candidate.Components, Json)), ("$p", JsonSerializer.Serialize(candidate.Parents, Json)),
            ("$op", candidate.Operator), ("$gen", candidate.Generation), ("$at", Now()));

    /// <summary>Writes rollouts in one transaction; a rollout already stored (same candidate, case, repeat) is kept as it was.</summary>
    public void WriteRollouts(IReadOnlyList<Rollout> rollouts)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT OR IGNORE INTO rollouts (candidate_id, case_id, repeat, split, output, score, pass, feedback, assertions,
                    input_tokens, output_tokens, latency_ms, cache_hit, error, trace, created_at, cost)
                VALUES ($cand, $case, $rep, $split, $out, $score, $pass, $fb, $asserts, $in, $outTok, $lat, $hit, $err, $trace, $at, $cost)
                """;
            var p = new Dictionary<string, SqliteParameter>();
            foreach (var name in new[] { "$cand", "$case", "$rep", "$split", "$out", "$score", "$pass", "$fb", "$asserts", "$in", "$outTok", "$lat", "$hit", "$err", "$trace", "$at", "$cost" })
            {
                p[name] = command.Parameters.Add(name, SqliteType.Text);
            }

            var at = Now();
            foreach (var r in rollouts)
            {
                p["$cand"].Value = r.CandidateId;
                p["$case"].Value = r.CaseId;
                p["$rep"].Value = r.Repeat;
                p["$split"].Value = r.Split.ToString().ToLowerInvariant();
                p["$out"].Value = r.Output;
                p["$score"].Value = r.Score.Value;
                p["$pass"].Value = r.Score.Pass;
                p["$fb"].Value = r.Score.Feedback;
                p["$asserts"].Value = JsonSerializer.Serialize(r.Score.Assertions, Json);
                p["$in"].Value = r.InputTokens;
                p["$outTok"].Value = r.OutputTokens;
                p["$lat"].Value = r.Latency.TotalMilliseconds;
                p["$hit"].Value = r.CacheHit;
                p["$err"].Value = (object?)r.Error ?? DBNull.Value;
                p["$trace"].Value = (object?)r.Trace ?? DBNull.Value;
                p["$at"].Value = at;
                p["$cost"].Value = r.Cost is { } cost ? (double)cost : DBNull.Value;
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    /// <summary>Loads the stored rollouts, optionally of one candidate, in case then repeat order.</summary>
    public IReadOnlyList<Rollout> LoadRollouts(string? candidateId = null)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = """
                SELECT candidate_id, case_id, repeat, split, output, score, pass, feedback, assertions, input_tokens, output_tokens,
                       latency_ms, cache_hit, error, trace, cost
                FROM rollouts WHERE ($cand IS NULL OR candidate_id = $cand) ORDER BY rowid
                """;
            command.Parameters.AddWithValue("$cand", (object?)candidateId ?? DBNull.Value);
            using var reader = command.ExecuteReader();
            var result = new List<Rollout>();
            while (reader.Read())
            {
                result.Add(new Rollout
                {
                    CandidateId = reader.GetString(0), CaseId = reader.GetString(1), Repeat = reader.GetInt32(2),
                    Split = Enum.Parse<Split>(reader.GetString(3), ignoreCase: true), Output = reader.GetString(4),
                    Score = new CaseScore(reader.GetDouble(5), reader.GetBoolean(6), reader.GetString(7),
                        JsonSerializer.Deserialize<List<AssertionScore>>(reader.GetString(8), Json) ?? []),
                    InputTokens = reader.GetInt64(9), OutputTokens = reader.GetInt64(10), Latency = TimeSpan.FromMilliseconds(reader.GetDouble(11)),
                    CacheHit = reader.GetBoolean(12), Error = reader.IsDBNull(13) ? null : reader.GetString(13),
                    Trace = reader.IsDBNull(14) ? null : reader.GetString(14),
                    Cost = reader.IsDBNull(15) ? null : (decimal)reader.GetDouble(15),
                });
            }

            return result;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_gate)
        {
            _connection.Dispose();
        }
    }

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    private void Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        lock (_gate)
        {
            Run(null, sql, parameters);
        }
    }

    /// <summary>Runs one statement, inside <paramref name="transaction"/> when given; the caller holds the gate. Returns the rows changed.</summary>
    private int Run(SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command.ExecuteNonQuery();
    }
}

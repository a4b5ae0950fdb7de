using System.Text.Json;
using Evolve.Core.Evaluation;
using Evolve.Core.Gepa.Seams;
using Evolve.Core.Runs.Events;

namespace Evolve.Core.Runs;

/// <summary>What the optimizer keeps beyond rollouts: candidate fates, reflection replies and generation summaries.</summary>
public sealed partial class RunStore
{
    /// <summary>
    /// Runs <paramref name="work"/>, marking the run interrupted when it is cancelled and failed on a
    /// systemic failure (then rethrowing), so a resumable run always says why it stopped.
    /// </summary>
    public async Task<T> GuardAsync<T>(Func<Task<T>> work)
    {
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            SetStatus(RunStatus.Interrupted);
            throw;
        }
        catch (Evolve.Kernel.SystemicFailureException ex)
        {
            SetStatus(RunStatus.Failed);
            var info = LoadInfo();
            var resume = info.Kind switch
            {
                "eval" => $"evolve eval --suite {info.Suite} --resume {info.Id}",
                "compare" => "the same evolve compare command",
                _ => $"evolve run --resume {info.Id}",
            };
            throw new Evolve.Kernel.SystemicFailureException($"{ex.Message}; run {info.Id} is marked failed, resume it with: {resume}", ex.InnerException ?? ex);
        }
    }

    /// <summary>
    /// Records a candidate with its fate and details as JSON. A fate replaces the stored one (a
    /// replayed run records it again), but a refusal (<see cref="CandidateStatus.Guarded"/>) never replaces anything: refusing a child identical to a stored candidate says
    /// nothing about that candidate.
    /// </summary>
    public void SaveCandidate(Candidate candidate, CandidateStatus status, object info) =>
        Execute(
            """
            INSERT INTO candidates (id, components, parents, operator, generation, created_at, status, info)
            VALUES ($id, $c, $p, $op, $gen, $at, $status, $info)
            ON CONFLICT (id) DO UPDATE SET status = excluded.status, info = excluded.info WHERE excluded.status <> $refusal
            """,
            ("$id", candidate.Id), ("$c", JsonSerializer.Serialize(candidate.Components, Json)), ("$p", JsonSerializer.Serialize(candidate.Parents, Json)),
            ("$op", candidate.Operator), ("$gen", candidate.Generation), ("$at", Now()), ("$status", CandidateStatusNames.Name(status)),
            ("$info", JsonSerializer.Serialize(info, Json)), ("$refusal", CandidateStatusNames.Name(CandidateStatus.Guarded)));

    /// <inheritdoc/>
    public (string Reply, string? FinishReason)? FindReflection(string key)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT reply, finish_reason FROM reflections WHERE key = $key";
            command.Parameters.AddWithValue("$key", key);
            using var reader = command.ExecuteReader();
            return reader.Read() ? (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)) : null;
        }
    }

    /// <inheritdoc/>
    public void SaveReflection(string key, string model, string prompt, string reply, string? finishReason) =>
        Execute(
            "INSERT OR IGNORE INTO reflections (key, model, prompt, reply, finish_reason, created_at) VALUES ($k, $m, $p, $r, $f, $at)",
            ("$k", key), ("$m", model), ("$p", prompt), ("$r", reply), ("$f", finishReason), ("$at", Now()));

    /// <inheritdoc/>
    public void SaveGeneration(GenerationSummary summary, IReadOnlyList<ProposalSkippedEvent> skipped)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(skipped);
        var row = new[] { ("$g", (object?)summary.Generation), ("$s", JsonSerializer.Serialize(summary, Json)), ("$at", Now()) };
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            var isNew = Run(transaction, "INSERT OR IGNORE INTO generations (generation, summary, created_at) VALUES ($g, $s, $at)", row) == 1;
            if (isNew)
            {
                foreach (var e in skipped)
                {
                    InsertEvent(transaction, e);
                }

                InsertEvent(transaction, summary);
            }
            else
            {
                Run(transaction, "UPDATE generations SET summary = $s, created_at = $at WHERE generation = $g", row);
            }

            transaction.Commit();
        }
    }

    /// <inheritdoc/>
    public void SaveFinalPick(FinalPickEvent pick)
    {
        lock (_gate)
        {
            if (LastEvent<FinalPickEvent>() is null)
            {
                AppendEvent(pick);
            }
        }
    }

    /// <summary>The last generation recorded, or -1.</summary>
    public int LastGeneration()
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT COALESCE(MAX(generation), -1) FROM generations";
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// Candidates with their status and details, in the order they were recorded; a status text no
    /// <see cref="CandidateStatus"/> has is an <see cref="Kernel.InputException"/> naming the database and candidate.
    /// </summary>
    public IReadOnlyList<(Candidate Candidate, CandidateStatus Status, string Info)> LoadCandidates()
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT components, parents, operator, generation, status, info, id FROM candidates ORDER BY rowid";
            using var reader = command.ExecuteReader();
            var result = new List<(Candidate, CandidateStatus, string)>();
            var source = Path.Combine(Directory, FileName);
            while (reader.Read())
            {
                var components = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(0), Json)!;
                var parents = JsonSerializer.Deserialize<List<string>>(reader.GetString(1), Json)!;
                var status = CandidateStatusNames.Parse(reader.GetString(4), source, $"candidates.status of {reader.GetString(6)}");
                result.Add((new Candidate(components, parents, reader.GetString(2), reader.GetInt32(3)), status, reader.GetString(5)));
            }

            return result;
        }
    }
}

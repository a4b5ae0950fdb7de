using Evolve.Core.Evaluation;
using Evolve.Core.Runs;
using Evolve.Core.Scoring;
using Evolve.Core.Suites;
using Evolve.Kernel;
using Microsoft.Data.Sqlite;

namespace Evolve.Core.Tests.Runs;

/// <summary>
/// Run databases written before refusals stopped overwriting rows: a duplicate child's "guarded"
/// refusal replaced the status and details of the candidate it duplicated. Opening repairs them.
/// </summary>
public sealed class RunStatusRepairTests
{
    private static readonly string[] Val = ["v1", "v2", "v3", "v4"];

    private static Candidate Make(string system, string op = "reflect") => new(new Dictionary<string, string> { ["system.sbn"] = system }, op == "seed" ? [] : ["p"], op, 1);

    private static Rollout Rollout(Candidate c, string caseId, Split split) => new()
    {
        CandidateId = c.Id, CaseId = caseId, Repeat = 0, Split = split, Output = "x", Score = new CaseScore(1, true, "", []),
    };

    private static string CreateRun(TempDirectory dir, Action<RunStore> fill)
    {
        using var store = RunStore.Create(Path.Combine(dir.Path, "runs"), new RunInfo
        {
            Id = "r", Kind = "optimize", Suite = "calc", SuiteHash = "h", Agent = "calc", Model = "sim", Simulated = true, OptionsJson = "{}",
            StartedAt = DateTimeOffset.UnixEpoch,
        }, TimeProvider.System);
        fill(store);
        return store.Directory;
    }

    /// <summary>What the old upsert wrote for a child identical to <paramref name="victim"/>.</summary>
    private static void Clobber(string directory, Candidate victim)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(directory, RunStore.FileName)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE candidates SET status = 'guarded', info = $info WHERE id = $id";
        command.Parameters.AddWithValue("$id", victim.Id);
        command.Parameters.AddWithValue("$info", $$"""{"parent":"p","component":"system.sbn","problems":["the child is identical to the existing candidate {{victim.Id[..12]}}."]}""");
        command.ExecuteNonQuery();
    }

    private static Dictionary<string, CandidateStatus> Statuses(string directory)
    {
        using var store = RunStore.Open(directory, TimeProvider.System);
        return store.LoadCandidates().ToDictionary(c => c.Candidate.Id, c => c.Status);
    }

    [Fact]
    public void Open_RowsOverwrittenByADuplicateRefusal_GetTheirFateBackFromTheirRollouts()
    {
        using var dir = new TempDirectory();
        var (seed, pooled, raced, rejected, merge) = (Make("seed", "seed"), Make("pooled"), Make("raced"), Make("rejected"), Make("merged", "merge"));
        var directory = CreateRun(dir, store =>
        {
            store.SaveCandidate(seed, CandidateStatus.Pool, new { how = "seed" });
            store.WriteRollouts([.. Val.Select(v => Rollout(seed, v, Split.Val))]);
            store.WriteRollouts([Rollout(pooled, "t1", Split.Train), .. Val.Select(v => Rollout(pooled, v, Split.Val))]);
            store.SaveCandidate(pooled, CandidateStatus.Pool, new { how = "reflect" });
            store.WriteRollouts([Rollout(raced, "t1", Split.Train), Rollout(raced, "v1", Split.Val), Rollout(raced, "v2", Split.Val)]);
            store.SaveCandidate(raced, CandidateStatus.Raced, new { });
            store.WriteRollouts([Rollout(rejected, "t1", Split.Train)]);
            store.SaveCandidate(rejected, CandidateStatus.Rejected, new { });
            store.WriteRollouts([Rollout(merge, "v3", Split.Val)]);
            store.SaveCandidate(merge, CandidateStatus.Rejected, new { merge = true });
        });
        foreach (var victim in new[] { seed, pooled, raced, rejected, merge })
        {
            Clobber(directory, victim);
        }

        var statuses = Statuses(directory);

        Assert.Equal(CandidateStatus.Pool, statuses[seed.Id]);
        Assert.Equal(CandidateStatus.Pool, statuses[pooled.Id]);
        Assert.Equal(CandidateStatus.Raced, statuses[raced.Id]);
        Assert.Equal(CandidateStatus.Rejected, statuses[rejected.Id]);
        Assert.Equal(CandidateStatus.Rejected, statuses[merge.Id]);
    }

    [Fact]
    public void Open_GuardedRowsThatRefusedThemselves_StayGuarded()
    {
        using var dir = new TempDirectory();
        var (seed, big, budget) = (Make("seed", "seed"), Make("too big"), Make("merge over budget", "merge"));
        var directory = CreateRun(dir, store =>
        {
            store.SaveCandidate(seed, CandidateStatus.Pool, new { how = "seed" });
            store.WriteRollouts([.. Val.Select(v => Rollout(seed, v, Split.Val))]);
            store.SaveCandidate(big, CandidateStatus.Guarded, new { problems = new[] { "system.sbn: 9000 characters is over the cap of 8000." } });
            store.SaveCandidate(budget, CandidateStatus.Guarded, new { merge = true, problems = Array.Empty<string>(), budget = true });
        });

        var statuses = Statuses(directory);

        Assert.Equal(CandidateStatus.Guarded, statuses[big.Id]);
        Assert.Equal(CandidateStatus.Guarded, statuses[budget.Id]);
    }

    [Fact]
    public void SaveCandidate_GuardedRefusalOfAStoredCandidate_LeavesItsRowUntouched()
    {
        using var dir = new TempDirectory();
        var pooled = Make("pooled");
        var directory = CreateRun(dir, store =>
        {
            store.SaveCandidate(pooled, CandidateStatus.Pool, new { how = "reflect" });
            store.SaveCandidate(pooled, CandidateStatus.Guarded, new { problems = new[] { "duplicate" } });
        });

        using var store = RunStore.Open(directory, TimeProvider.System);
        var row = Assert.Single(store.LoadCandidates());
        Assert.Equal(CandidateStatus.Pool, row.Status);
        Assert.Contains("reflect", row.Info, StringComparison.Ordinal);
    }
}

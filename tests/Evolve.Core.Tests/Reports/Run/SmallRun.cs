using Evolve.Core.Evaluation;
using Evolve.Core.Runs;
using Evolve.Core.Runs.Events;
using Evolve.Core.Scoring;
using Evolve.Core.Stats;
using Evolve.Core.Suites;
using Evolve.Kernel.Agents.Scheduling;
using Evolve.Kernel.Providers.Usage;

namespace Evolve.Core.Tests.Reports.Run;

/// <summary>
/// A small, fully deterministic optimization run written through the real <see cref="RunStore"/>:
/// seed S; accepted A (from S) and D (from A, the best); rejected B; raced E (one lucky partial
/// validation score of 1.0, which must never count as a best); four val cases; two holdout events.
/// </summary>
internal static class SmallRun
{
    public static readonly Candidate Seed = new(new Dictionary<string, string> { ["system.sbn"] = "Answer briefly.\n", ["task.sbn"] = "{{ q }}\n" });

    public static readonly Candidate A = new(new Dictionary<string, string> { ["system.sbn"] = "Answer briefly.\nCheck empty lists.\n", ["task.sbn"] = "{{ q }}\n" }, [Seed.Id], "reflect", 1);

    public static readonly Candidate B = new(new Dictionary<string, string> { ["system.sbn"] = "Answer at length.\n", ["task.sbn"] = "{{ q }}\n" }, [Seed.Id], "reflect", 1);

    public static readonly Candidate D = new(new Dictionary<string, string> { ["system.sbn"] = "Answer briefly.\nCheck empty lists.\nMind negative numbers.\n", ["task.sbn"] = "{{ q }}\n" }, [A.Id], "reflect", 2);

    public static readonly Candidate E = new(new Dictionary<string, string> { ["system.sbn"] = "Answer briefly.\nCheck empty lists.\n", ["task.sbn"] = "{{ q }}\n\n" }, [A.Id], "numeric", 2);

    public const string Id = "20261124-000000-demo-run-abcdef";

    /// <summary>Creates the run under <paramref name="runs"/> and returns its folder.</summary>
    public static string Create(string runs, string kind = "optimize")
    {
        // Moves one second each time it is read, so stored times are fixed and ordered.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 0, 0, 1, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromSeconds(1) };
        using var store = RunStore.Create(runs, new RunInfo
        {
            Id = Id, Kind = kind, Suite = "demo", SuiteHash = "h", Agent = "demo", Model = "sim", Simulated = true,
            OptionsJson = """{"budget":100}""", StartedAt = time.GetUtcNow(),
        }, time);
        store.SaveCandidate(Seed, CandidateStatus.Pool, new { how = "seed" });
        Write(store, Seed, Split.Val, ("v1", 1), ("v2", 0), ("v3", 0), ("v4", 0.5));
        Write(store, Seed, Split.Train, ("t1", 0), ("t2", 1));
        Write(store, A, Split.Train, ("t1", 1), ("t2", 1));
        Write(store, B, Split.Train, ("t1", 0), ("t2", 0));
        store.SaveCandidate(B, CandidateStatus.Rejected, new { parent = Seed.ShortId });
        Write(store, A, Split.Val, ("v1", 1), ("v2", 1), ("v3", 0), ("v4", 0.5));
        store.SaveCandidate(A, CandidateStatus.Pool, new { how = "reflect" });
        Write(store, E, Split.Val, ("v1", 1));
        store.SaveCandidate(E, CandidateStatus.Raced, new { parent = A.ShortId });
        Write(store, D, Split.Val, ("v1", 1), ("v2", 1), ("v3", 1), ("v4", 0.5));
        store.SaveCandidate(D, CandidateStatus.Pool, new { how = "reflect" });
        Write(store, Seed, Split.Holdout, ("h1", 0), ("h2", 0), ("h3", 1));
        Write(store, D, Split.Holdout, ("h1", 1), ("h2", 1), ("h3", 1));
        Write(store, A, Split.Holdout, ("h1", 1), ("h2", 0), ("h3", 1));
        if (kind == "optimize")
        {
            var best = Compare([(0, 1), (0, 1), (1, 1)]);
            var second = Compare([(0, 1), (0, 0), (1, 1)]);
            var holm = Holm.Adjust([best.PValue, second.PValue]);
            store.AppendEvent(new HoldoutEvent(0, D.Id, Seed.Id, 0.875, holm[0], best));
            store.AppendEvent(new HoldoutEvent(1, A.Id, Seed.Id, 0.625, holm[1], second));
            TimingSummary Ms(int mean, int p50, int p95) => new(TimeSpan.FromMilliseconds(mean), TimeSpan.FromMilliseconds(p50), TimeSpan.FromMilliseconds(p95));
            var calls = new CallTimings(28, Ms(12, 0, 40), Ms(220, 200, 410));
            store.AppendEvent(new SchedulerEvent(2, calls, new Dictionary<string, CallTimings> { [Seed.Id] = calls, [A.Id] = calls, [B.Id] = calls, [D.Id] = calls, [E.Id] = calls }));
            // Two invocations (a resume), the first with a generation's checkpoint before its total:
            // the report adds the invocations' last records up; reflection has its own row.
            store.AppendEvent(new UsageEvent(new UsageTotals(5, 0, 500, 50), new UsageTotals(1, 0, 1000, 300), 1));
            store.AppendEvent(new UsageEvent(new UsageTotals(20, 10, 1800, 200), new UsageTotals(2, 0, 3000, 800), 1));
            store.AppendEvent(new UsageEvent(new UsageTotals(8, 0, 1000, 110) { FailedAttempts = 1 }, new UsageTotals(1, 0, 1500, 400), 2));
            store.AppendEvent(new FinishedEvent(D.Id, null, null, "budget: 48 of 100 rollouts spent"));
        }

        store.SetStatus(RunStatus.Finished);
        return store.Directory;
    }

    private static PairedComparisonResult Compare((double A, double B)[] scores) =>
        PairedComparison.Compare([.. scores.Select((s, i) => new PairedObservation($"h{i + 1}", s.A, s.B, s.A >= 0.5, s.B >= 0.5))], new PairedComparisonOptions { Seed = 1, MinimumPairs = 2 });

    private static void Write(RunStore store, Candidate candidate, Split split, params (string Case, double Score)[] scores)
    {
        store.SaveCandidate(candidate);
        store.WriteRollouts([.. scores.Select((s, i) => new Rollout
        {
            CandidateId = candidate.Id, CaseId = s.Case, Repeat = 0, Split = split, Output = "out",
            Score = new CaseScore(s.Score, s.Score >= 1, s.Score >= 1 ? "ok" : s.Case is "v2" or "h1" ? "test_empty_list failed: IndexError: list index out of range" : "test_negative failed: assert -1 == 1", []),
            InputTokens = 100, OutputTokens = 10 + i, Latency = TimeSpan.FromMilliseconds(100 * (i + 1)), CacheHit = i == 0, Error = s.Case == "v3" && s.Score == 0 ? "timeout after 10s" : null,
        })]);
    }
}

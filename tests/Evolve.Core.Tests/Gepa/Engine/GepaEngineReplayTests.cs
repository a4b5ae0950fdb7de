using Evolve.Core.Runs;
using Evolve.Core.Runs.Events;
using Xunit;

namespace Evolve.Core.Tests.Gepa.Engine;

/// <summary>
/// Kill the run at every phase boundary (every rollout batch: seed validation, merge gate, parents,
/// children, each half of validation, re-validation; and every reflection call), resume it from its
/// run.db, and the run must end exactly as one that was never interrupted: same pick, same pool,
/// same fates, same events, each rollout run once and each reflection asked once.
/// </summary>
public sealed class GepaEngineReplayTests
{
    [Fact]
    public async Task A_run_killed_at_any_rollout_batch_resumes_to_the_same_end()
    {
        using var kit = new EngineKit(components: ["system.sbn", "task.sbn"]);
        var setup = kit.Setup(o => o with { Budget = 900, Combine = true });
        var baseline = await Uninterrupted(kit, setup);
        Assert.True(baseline.Batches > 10, $"only {baseline.Batches} batches: the run is too short to test replay");

        for (var crashAt = 1; crashAt <= baseline.Batches; crashAt++)
        {
            var ledger = new RolloutLedger();
            var reflector = EngineKit.Reflector();
            string directory;
            using (var store = kit.NewStore())
            {
                directory = store.Directory;
                await Assert.ThrowsAsync<SimulatedCrash>(() => EngineKit.RunAsync(setup, store, new ScriptedRollouts(ledger, kit.Score, crashAt), reflector));
            }

            var resumed = await Resume(kit, setup, directory, ledger, reflector);
            AssertSameEnd(baseline, resumed, $"killed at rollout batch {crashAt}");
        }
    }

    [Fact]
    public async Task A_run_killed_at_any_reflection_call_resumes_to_the_same_end()
    {
        using var kit = new EngineKit();
        var setup = kit.Setup(o => o with { Budget = 900 });
        var baseline = await Uninterrupted(kit, setup);
        Assert.True(baseline.Reflections > 3, $"only {baseline.Reflections} reflections");

        for (var crashAt = 1; crashAt <= baseline.Reflections; crashAt++)
        {
            var ledger = new RolloutLedger();
            var crashing = EngineKit.Reflector(crashAtCall: crashAt);
            string directory;
            using (var store = kit.NewStore())
            {
                directory = store.Directory;
                await Assert.ThrowsAsync<SimulatedCrash>(() => EngineKit.RunAsync(setup, store, new ScriptedRollouts(ledger, kit.Score), crashing));
            }

            var resumed = await Resume(kit, setup, directory, ledger, EngineKit.Reflector(), crashing.Calls - 1);
            AssertSameEnd(baseline, resumed, $"killed at reflection call {crashAt}");
        }
    }

    private static async Task<End> Uninterrupted(EngineKit kit, Core.Gepa.GepaSetup setup)
    {
        using var store = kit.NewStore();
        var ledger = new RolloutLedger();
        var runner = new ScriptedRollouts(ledger, kit.Score);
        var reflector = EngineKit.Reflector();
        var outcome = await EngineKit.RunAsync(setup, store, runner, reflector);
        return End.Of(outcome, store, ledger, runner.Calls, reflector.Calls);
    }

    /// <summary>A new engine on the reopened run.db and the rollouts the crashed one stored; <paramref name="earlierReflections"/> answered before the crash.</summary>
    private static async Task<End> Resume(EngineKit kit, Core.Gepa.GepaSetup setup, string directory, RolloutLedger ledger, Evolve.Tests.Shared.ScriptedChatClient reflector, int? earlierReflections = null)
    {
        var before = earlierReflections ?? reflector.Calls;
        using var store = RunStore.Open(directory, TimeProvider.System);
        var fresh = EngineKit.Reflector();
        var outcome = await EngineKit.RunAsync(setup, store, new ScriptedRollouts(ledger, kit.Score), fresh);
        return End.Of(outcome, store, ledger, 0, before + fresh.Calls);
    }

    private static void AssertSameEnd(End expected, End actual, string when)
    {
        Assert.True(expected.Pick == actual.Pick, $"{when}: picked {actual.Pick[..12]}, uninterrupted {expected.Pick[..12]}");
        Assert.True(expected.Spent == actual.Spent, $"{when}: spent {actual.Spent}, uninterrupted {expected.Spent}");
        Assert.True(expected.Pool.SequenceEqual(actual.Pool), $"{when}: the pool differs");
        Assert.True(expected.Fates.SequenceEqual(actual.Fates), $"{when}: candidate fates differ: {Diff(expected.Fates, actual.Fates)}");
        Assert.True(expected.Generations.SequenceEqual(actual.Generations), $"{when}: generation events differ ({actual.Generations.Count} vs {expected.Generations.Count})");
        Assert.True(expected.Skipped.SequenceEqual(actual.Skipped), $"{when}: skipped-proposal events differ ({actual.Skipped.Count} vs {expected.Skipped.Count})");
        Assert.True(expected.FinalPicks == actual.FinalPicks, $"{when}: {actual.FinalPicks} final-pick events");
        Assert.True(actual.RunTwice == 0, $"{when}: {actual.RunTwice} rollouts were run twice");
        Assert.True(expected.Reflections == actual.Reflections, $"{when}: {actual.Reflections} reflections asked, uninterrupted {expected.Reflections}");
    }

    private static string Diff(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        string.Join("; ", a.Except(b).Take(3)) + " | " + string.Join("; ", b.Except(a).Take(3));

    private sealed record End(
        string Pick, int Spent, IReadOnlyList<string> Pool, IReadOnlyList<string> Fates, IReadOnlyList<GenerationSummary> Generations,
        IReadOnlyList<ProposalSkippedEvent> Skipped, int FinalPicks, int RunTwice, int Batches, int Reflections)
    {
        public static End Of(EngineKit.Outcome outcome, RunStore store, RolloutLedger ledger, int batches, int reflections) => new(
            outcome.Pick.Best.Candidate.Id, outcome.Engine.Budget.Spent,
            [.. store.LoadCandidates().Where(c => c.Status == CandidateStatus.Pool).Select(c => c.Candidate.Id)],
            [.. store.LoadCandidates().Select(c => $"{c.Candidate.ShortId}={c.Status}").Order(StringComparer.Ordinal)],
            store.LoadEvents<GenerationSummary>(), store.LoadEvents<ProposalSkippedEvent>(), store.LoadEvents<FinalPickEvent>().Count,
            ledger.Runs.Values.Count(n => n > 1), batches, reflections);
    }
}

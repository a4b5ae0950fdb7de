using Evolve.Core.Runs;
using Evolve.Core.Runs.Events;

namespace Evolve.Core.Tests.Runs;

/// <summary>The run store as the engine's journal: a replayed generation or final pick writes no event twice.</summary>
public sealed class RunJournalTests
{
    private static RunStore Create(TempDirectory dir) => RunStore.Create(Path.Combine(dir.Path, "runs"), new RunInfo
    {
        Id = "r", Kind = "optimize", Suite = "calc", SuiteHash = "h", Agent = "calc", Model = "sim", Simulated = true, OptionsJson = "{}",
        StartedAt = DateTimeOffset.UnixEpoch,
    }, TimeProvider.System);

    private static GenerationSummary Generation(int n, double best) =>
        new() { Generation = n, Spent = 10 * n, Budget = 100, BestScore = best, BestId = "abc", FrontSize = 1, PoolSize = n + 1 };

    [Fact]
    public void A_new_generation_is_recorded_with_its_events_and_a_replayed_one_only_replaces_its_summary()
    {
        using var dir = new TempDirectory();
        using var store = Create(dir);
        var skipped = new ProposalSkippedEvent(1, "parent", "child", "system.sbn", "guard: duplicate");

        store.SaveGeneration(Generation(0, 0.5), []);
        store.SaveGeneration(Generation(1, 0.6), [skipped]);
        store.SaveGeneration(Generation(1, 0.7), [skipped]);

        Assert.Equal(1, store.LastGeneration());
        Assert.Equal([0.5, 0.6], store.LoadEvents<GenerationSummary>().Select(g => g.BestScore));
        Assert.Equal([skipped], store.LoadEvents<ProposalSkippedEvent>());
    }

    [Fact]
    public void The_final_pick_is_recorded_once()
    {
        using var dir = new TempDirectory();
        using var store = Create(dir);
        var first = new FinalPickEvent(3, "seed", 0.5, "pick", false, []);

        store.SaveFinalPick(first);
        store.SaveFinalPick(first with { Pick = "other" });

        Assert.Equal("pick", Assert.Single(store.LoadEvents<FinalPickEvent>()).Pick);
    }
}

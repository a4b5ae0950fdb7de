using Evolve.Core.Runs;
using Evolve.Core.Suites;
using Xunit;

namespace Evolve.Core.Tests.Gepa.Engine;

/// <summary>The engine alone: scripted scores and a scripted reflector, a real run.db for its journal.</summary>
public sealed class GepaEngineTests
{
    [Fact]
    public async Task Reflection_that_helps_grows_the_pool_and_the_pick_beats_the_seed()
    {
        using var kit = new EngineKit();
        using var store = kit.NewStore();
        var ledger = new RolloutLedger();
        var outcome = await EngineKit.RunAsync(kit.Setup(), store, new ScriptedRollouts(ledger, kit.Score), EngineKit.Reflector());

        var pool = store.LoadCandidates().Where(c => c.Status == CandidateStatus.Pool).ToList();
        Assert.True(pool.Count > 2, $"pool of {pool.Count}");
        Assert.NotEqual(outcome.Seed.Candidate.Id, outcome.Pick.Best.Candidate.Id);
        Assert.True(outcome.Pick.Best.Mean > outcome.Seed.Mean + 0.1, $"pick {outcome.Pick.Best.Mean:0.000} vs seed {outcome.Seed.Mean:0.000}");
        Assert.False(outcome.Pick.Pick!.KeptSeed);
    }

    [Fact]
    public async Task A_child_worse_on_its_minibatch_is_rejected_and_never_validated()
    {
        using var kit = new EngineKit();
        using var store = kit.NewStore();
        var ledger = new RolloutLedger();
        var outcome = await EngineKit.RunAsync(kit.Setup(o => o with { Patience = 3 }), store, new ScriptedRollouts(ledger, kit.Score), EngineKit.Reflector(marker: "WORSE"));

        var children = store.LoadCandidates().Where(c => c.Candidate.Operator == "reflect").ToList();
        Assert.NotEmpty(children);
        Assert.All(children, c => Assert.Equal(CandidateStatus.Rejected, c.Status));
        var rejected = children.Select(c => c.Candidate.Id).ToHashSet();
        Assert.DoesNotContain(ledger.Asked, r => rejected.Contains(r.Candidate.Id) && r.Case.Split != Split.Train);
        Assert.Equal(outcome.Seed.Candidate.Id, outcome.Pick.Best.Candidate.Id);
        Assert.Contains("no improvement", outcome.Engine.StopReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_child_that_only_fits_training_is_raced_out_on_half_the_validation_cases()
    {
        using var kit = new EngineKit(seedKnowsTopics: true, components: ["system.sbn", "task.sbn"]);
        using var store = kit.NewStore();
        var ledger = new RolloutLedger();
        var setup = kit.Setup(o => o with { Patience = 2 });
        var outcome = await EngineKit.RunAsync(setup, store, new ScriptedRollouts(ledger, kit.Score), EngineKit.Reflector(marker: "TRAINONLY"));

        var raced = store.LoadCandidates().Where(c => c.Status == CandidateStatus.Raced).Select(c => c.Candidate.Id).ToList();
        Assert.NotEmpty(raced);
        var half = (setup.Val.Count + 1) / 2;
        foreach (var id in raced)
        {
            var valCases = ledger.Asked.Where(r => r.Candidate.Id == id && r.Case.Split == Split.Val).Select(r => r.Case.Id).Distinct().ToList();
            Assert.Equal(setup.Val.Take(half).Select(c => c.Id), valCases);
        }

        Assert.Equal(raced.Count * (setup.Val.Count - half) * setup.ValidationRepeat, outcome.Engine.RacingSaved);
        Assert.DoesNotContain(store.LoadCandidates(), c => c.Status == CandidateStatus.Pool && c.Candidate.Operator != "seed");
    }

    [Fact]
    public async Task Lineages_that_changed_different_components_are_merged()
    {
        using var kit = new EngineKit(components: ["system.sbn", "task.sbn"]);
        using var store = kit.NewStore();
        var ledger = new RolloutLedger();
        var setup = kit.Setup();
        var setupVal = setup.Val.Count;
        await EngineKit.RunAsync(setup, store, new ScriptedRollouts(ledger, kit.Score), EngineKit.Reflector());

        var candidates = store.LoadCandidates();
        var merges = candidates.Where(c => c.Candidate.Operator == "merge").ToList();
        Assert.NotEmpty(merges);
        var byId = candidates.ToDictionary(c => c.Candidate.Id, c => c.Candidate);
        foreach (var (merge, status, _) in merges)
        {
            Assert.Equal(2, merge.Parents.Count);
            Assert.All(merge.Components, pair => Assert.Contains(candidates, c => c.Candidate.Components[pair.Key] == pair.Value && c.Candidate.Id != merge.Id));
            Assert.DoesNotContain(merge.Parents, p => byId[p].Id == merge.Id);
            var valCases = ledger.Asked.Where(r => r.Candidate.Id == merge.Id && r.Case.Split == Split.Val).Select(r => r.Case.Id).Distinct().Count();
            // A merge is first scored on a small gate; only one that passes it is validated in full.
            var expected = status switch { CandidateStatus.Pool => setupVal, CandidateStatus.Guarded => 0, _ => Core.Gepa.Search.MergePlanner.DefaultGateSize };
            Assert.Equal(expected, valCases);
        }
    }

    [Fact]
    public async Task Siblings_that_joined_the_pool_are_combined_into_one_child_that_holds_all_their_edits()
    {
        using var kit = new EngineKit();
        using var store = kit.NewStore();
        var ledger = new RolloutLedger();
        var outcome = await EngineKit.RunAsync(kit.Setup(o => o with { Combine = true }), store, new ScriptedRollouts(ledger, kit.Score), EngineKit.Reflector());

        var candidates = store.LoadCandidates();
        var byId = candidates.ToDictionary(c => c.Candidate.Id, c => c.Candidate);
        var combined = candidates.Where(c => c.Candidate.Operator == "combine" && c.Status == CandidateStatus.Pool).Select(c => c.Candidate).ToList();
        Assert.True(combined.Count > 0, string.Join(" / ", candidates.Where(c => c.Candidate.Operator == "combine").Select(c => $"{c.Status}: {c.Info}")));
        Assert.True(outcome.Generations.Sum(g => g.Combined) == combined.Count, "the generation summaries count what joined");
        foreach (var child in combined)
        {
            var siblings = child.Parents.Select(p => byId[p]).ToList();
            Assert.True(siblings.Count >= 2);
            Assert.Single(siblings.Select(s => s.Parents.Single()).Distinct());
            var lines = child.Components["system.sbn"].Split('\n');
            Assert.All(siblings, s => Assert.All(s.Components["system.sbn"].Split('\n'), line => Assert.Contains(line, lines)));
        }
    }

    [Fact]
    public async Task Without_combine_no_child_is_combined()
    {
        using var kit = new EngineKit();
        using var store = kit.NewStore();
        await EngineKit.RunAsync(kit.Setup(), store, new ScriptedRollouts(new RolloutLedger(), kit.Score), EngineKit.Reflector());

        Assert.DoesNotContain(store.LoadCandidates(), c => c.Candidate.Operator == "combine");
    }

    [Theory]
    [InlineData(150, 0)]
    [InlineData(233, 1)]
    [InlineData(400, 2)]
    [InlineData(777, 3)]
    public async Task The_budget_is_never_passed_and_every_counted_rollout_ran_once(int budget, int seed)
    {
        using var kit = new EngineKit(components: ["system.sbn", "task.sbn"]);
        using var store = kit.NewStore();
        var ledger = new RolloutLedger();
        var setup = kit.Setup(o => o with { Budget = budget, Seed = seed });
        var engine = await EngineKit.RunAsync(setup, store, new ScriptedRollouts(ledger, kit.Score), EngineKit.Reflector());

        var searched = engine.Generations[^1].Spent;
        Assert.True(searched <= budget - setup.HoldoutCost - setup.RevalidationCost, $"search spent {searched} of {budget} with {setup.HoldoutCost + setup.RevalidationCost} reserved");
        Assert.True(engine.Engine.Budget.Spent <= budget - setup.HoldoutCost, $"spent {engine.Engine.Budget.Spent} with the holdout's {setup.HoldoutCost} still to come");
        Assert.Equal(engine.Engine.Budget.Spent, ledger.Runs.Count);
        Assert.All(ledger.Runs.Values, runs => Assert.Equal(1, runs));
    }

    [Fact]
    public async Task A_stop_signal_ends_the_search_after_the_generation_in_flight()
    {
        using var kit = new EngineKit();
        using var store = kit.NewStore();
        var stop = new EngineKit.FlagStop();
        var ledger = new RolloutLedger();
        var runner = new ScriptedRollouts(ledger, kit.Score);
        var engine = new Core.Gepa.GepaEngine(kit.Setup(), runner, new Core.Gepa.ReflectionClient(EngineKit.Reflector(), "scripted", store), store, stop, TimeProvider.System);

        await engine.RunAsync(g => stop.Raised = g.Generation == 2, CancellationToken.None);

        Assert.Equal(2, engine.Generations);
        Assert.Equal("stop requested by the test", engine.StopReason);
    }
}

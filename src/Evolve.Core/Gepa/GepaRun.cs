using System.Security.Cryptography;
using System.Text.Json;
using Evolve.Core.Evaluation;
using Evolve.Core.Gepa.Seams;
using Evolve.Core.Runs;
using Evolve.Core.Runs.Events;
using Evolve.Core.Stats;
using Evolve.Core.Suites;
using Evolve.Kernel;
using Evolve.Kernel.Agents;

namespace Evolve.Core.Gepa;

/// <summary>
/// <c>evolve run</c>: check everything, open (or resume) the run, search, then compare the best
/// candidate and the other finalists with the seed on the holdout split.
/// </summary>
public sealed class GepaRun(EvalDependencies dependencies)
{
    /// <summary>The kind of run this makes, as run.db records it.</summary>
    public const string Kind = "optimize";

    /// <summary>Filled in as the run goes, for a progress display; null for none.</summary>
    public RunProgress? Progress { get; init; }

    /// <summary>Runs (or resumes) an optimization. Bad input throws <see cref="InputException"/> before anything is written.</summary>
    public async Task<GepaResult> RunAsync(GepaOptions options, Action<string> log, Action<GenerationSummary> onGeneration, CancellationToken cancellationToken = default)
    {
        options.Validate();
        var resumed = RunLocator.FindResumable(options, dependencies.Time);
        if (resumed is not null)
        {
            options = resumed.Value.Options;
        }

        var setup = GepaPreparation.Prepare(options);
        var model = dependencies.CreateTaskModel(options.Model ?? setup.Profile.Model ?? "sim", options.Paths, CaseOracle.Lookup(setup.Suite));
        // A pipeline of its own even on the task model's URI, so its calls are counted as reflection.
        var reflectionModel = dependencies.CreateReflectionModel(options.ReflectionModel ?? model.Uri, options.Paths);
        var needsCode = setup.Suite.RunsCode();
        var scorer = await dependencies.CreateSuiteScorerAsync(setup.Suite, null, options.Sandbox, options.JudgeModel, options.Paths).ConfigureAwait(false);
        log($"model: {model.Description}" + (options.ReflectionModel is null ? "" : $"; reflection model: {reflectionModel.Description}"));
        EvalJob.LogJudge(scorer, log);
        if (needsCode)
        {
            log($"sandbox: {scorer.SandboxDescription}");
        }

        foreach (var warning in GepaPreparation.PreflightWarnings(setup))
        {
            log("warning: " + warning);
        }

        var optionsJson = RunLocator.OptionsJson(options with { Model = model.Uri, ReflectionModel = reflectionModel.Uri }, setup.Suite);
        using var store = resumed is { } r
            ? RunStore.Open(r.Directory, dependencies.Time)
            : RunStore.Create(options.Paths.Runs, new RunInfo
            {
                Id = $"{dependencies.Time.GetUtcNow():yyyyMMdd-HHmmss}-{setup.Suite.Name}-run-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}",
                Kind = GepaRun.Kind, Suite = setup.Suite.Name, SuiteHash = setup.Suite.ContentHash, Agent = setup.Profile.Name,
                Model = model.Uri, Simulated = model.Simulated, OptionsJson = optionsJson, StartedAt = dependencies.Time.GetUtcNow(),
            }, dependencies.Time);
        using var runLock = RunLock.Acquire(store.Directory);
        var runId = Path.GetFileName(store.Directory);
        log($"run {runId}: {store.Directory}");
        Progress?.Started(runId, store.Directory, options.Budget);
        var stop = new StopFile(store.Directory);
        if (resumed is not null)
        {
            log($"resuming run {Path.GetFileName(store.Directory)}: stored rollouts and reflections are reused, not spent again");
            store.SetStatus(RunStatus.Running);
            if (File.Exists(stop.Path))
            {
                // The STOP file asked the earlier invocation to stop; asking to resume says go on.
                File.Delete(stop.Path);
                log("removed the STOP file left by the earlier invocation");
            }
        }

        var index = RolloutIndex.Load(store);
        var (scheduler, taskModel) = RunModelCalls.Create(model.Client, options, dependencies.Time);
        var executor = RolloutExecutor.Create(store, index, setup.Suite, taskModel, scorer.Scorer, dependencies.Time, options.Concurrency, Progress?.Rollouts);
        var engine = new GepaEngine(setup, executor, new ReflectionClient(reflectionModel.Client, reflectionModel.Uri, store), store, stop, dependencies.Time);
        var usage = RunUsageRecorder.Start(dependencies.Usage, store);
        try
        {
            return await store.GuardAsync(async () =>
            {
                var (seed, _) = await engine.RunAsync(
                    g =>
                    {
                        Progress?.Generated(g);
                        usage.Record(store);
                        onGeneration(g);
                    },
                    cancellationToken).ConfigureAwait(false);
                Progress?.Holdout();
                var selection = await engine.SelectAsync(seed, cancellationToken).ConfigureAwait(false);
                var best = selection.Best;
                var finalists = await HoldoutAsync(setup, executor, engine.Budget, store, seed, selection.Finalists, cancellationToken).ConfigureAwait(false);
                var holdout = finalists[0].Comparison;
                var calls = scheduler.Snapshot();
                store.AppendEvent(new SchedulerEvent(options.EffectiveModelSlots, calls.Overall, calls.PerOwner));
                store.AppendEvent(new FinishedEvent(best.Candidate.Id, holdout.MeanDifference, holdout.Verdict, engine.StopReason));
                store.SetStatus(RunStatus.Finished);
                return new GepaResult
                {
                    Run = store.LoadInfo(), RunDirectory = store.Directory, Model = model, Seed = seed.Candidate, Best = best.Candidate,
                    SeedValScore = seed.Mean, BestValScore = best.Mean, Holdout = holdout, Finalists = finalists, Generations = engine.Generations,
                    Spent = engine.Budget.Spent, Budget = engine.Budget.Total, RacingSaved = engine.RacingSaved,
                    StopReason = engine.StopReason ?? "finished", Resumed = resumed is not null, FinalPick = selection.Pick, RevalidateRepeats = options.Revalidate,
                };
            }).ConfigureAwait(false);
        }
        finally
        {
            // Interrupted and failed invocations record what they spent too: a resumed run's report adds it up.
            usage.Record(store);
        }
    }

    /// <summary>
    /// Seed and each finalist on the holdout split, paid from the reserve kept for them, compared case
    /// by case; p-values are Holm-corrected across the finalists, and each comparison is stored as a
    /// "holdout" event for the report.
    /// </summary>
    private static async Task<IReadOnlyList<HoldoutFinalist>> HoldoutAsync(
        GepaSetup setup, RolloutExecutor executor, RolloutBudget budget, RunStore store, PoolEntry seed, IReadOnlyList<PoolEntry> finalists, CancellationToken cancellationToken)
    {
        IReadOnlyList<RolloutRequest> Requests(PoolEntry e) => RolloutRequest.For(e.Candidate, e.Agent, setup.Holdout, setup.HoldoutRepeat);
        var requests = Requests(seed).Concat(finalists.SelectMany(Requests)).ToList();
        budget.Consume(requests, fromReserve: true);
        var rollouts = await executor.RunAsync(requests, cancellationToken: cancellationToken).ConfigureAwait(false);
        var comparisons = finalists
            .Select(f => PairedRollouts.Compare(PairedRollouts.Pair(setup.Holdout, rollouts, seed.Candidate.Id, f.Candidate.Id), setup.Options.Seed))
            .Select((c, i) => c with { Explanation = PairedComparison.Explain(c, "seed", i == 0 ? "best" : $"finalist {i + 1}") })
            .ToList();
        var holm = Holm.Adjust(comparisons.Select(c => c.PValue).ToList());
        var result = finalists.Select((f, i) => new HoldoutFinalist(i, f.Candidate, f.Mean, comparisons[i], holm[i])).ToList();
        foreach (var f in result)
        {
            store.AppendEvent(new HoldoutEvent(f.Rank, f.Candidate.Id, seed.Candidate.Id, f.ValMean, f.HolmP, f.Comparison));
        }

        return result;
    }
}

using System.Security.Cryptography;
using System.Text.Json;
using Evolve.Core.Evaluation;
using Evolve.Core.Runs;
using Evolve.Core.Stats;
using Evolve.Core.Suites;
using Evolve.Kernel;
using Evolve.Kernel.Agents;
using Evolve.Kernel.Agents.Scheduling;

namespace Evolve.Core.Gepa;

/// <summary>
/// <c>evolve run</c>: check everything, open (or resume) the run, search, then compare the best
/// candidate with the seed on the holdout split.
/// </summary>
public sealed class GepaRun(EvalDependencies dependencies)
{
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
        var model = dependencies.CreateModel(options.Model ?? setup.Profile.Model ?? "sim", options.Paths);
        var reflectionModel = options.ReflectionModel is null ? model : dependencies.CreateModel(options.ReflectionModel, options.Paths);
        var needsCode = setup.Suite.RunsCode();
        var scorer = await dependencies.CreateScorerAsync(needsCode ? options.Sandbox : "none").ConfigureAwait(false);
        log($"model: {model.Description}" + (reflectionModel == model ? "" : $"; reflection model: {reflectionModel.Description}"));
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
                Kind = "optimize", Suite = setup.Suite.Name, SuiteHash = setup.Suite.ContentHash, Agent = setup.Profile.Name,
                Model = model.Uri, Simulated = model.Simulated, OptionsJson = optionsJson, StartedAt = dependencies.Time.GetUtcNow(),
            }, dependencies.Time);
        using var runLock = RunLocator.Lock(store.Directory);
        if (resumed is not null)
        {
            log($"resuming run {Path.GetFileName(store.Directory)}: stored rollouts and reflections are reused, not spent again");
            store.SetStatus(RunStatus.Running);
            var stop = Path.Combine(store.Directory, "STOP");
            if (File.Exists(stop))
            {
                // The STOP file asked the earlier invocation to stop; asking to resume says go on.
                File.Delete(stop);
                log("removed the STOP file left by the earlier invocation");
            }
        }

        var index = RolloutIndex.Load(store);
        // Model calls of all candidates share one pool, served round-robin so no candidate's batch starves another's.
        var scheduler = new ModelCallScheduler(new ModelCallSchedulerOptions { Slots = options.Concurrency, Discipline = SchedulingDiscipline.RoundRobin }, dependencies.Time);
        var taskModel = new SchedulingChatClient(model.Client, scheduler);
        var executor = new RolloutExecutor(store, index, new RolloutRunner(setup.Suite, taskModel, scorer.Scorer, dependencies.Time), options.Concurrency);
        var engine = new GepaEngine(setup, executor, new ReflectionClient(reflectionModel.Client, reflectionModel.Uri, store), store, dependencies.Time);
        return await store.GuardAsync(async () =>
        {
            var (seed, best) = await engine.RunAsync(onGeneration, cancellationToken).ConfigureAwait(false);
            var holdout = await HoldoutAsync(setup, executor, engine.Budget, seed, best, cancellationToken).ConfigureAwait(false);
            store.AppendEvent("scheduler", scheduler.Snapshot());
            store.AppendEvent("finished", new { best = best.Candidate.Id, holdout.MeanDifference, holdout.Verdict, engine.StopReason });
            store.SetStatus(RunStatus.Finished);
            return new GepaResult
            {
                Run = store.LoadInfo(), RunDirectory = store.Directory, Model = model, Seed = seed.Candidate, Best = best.Candidate,
                SeedValScore = seed.Mean, BestValScore = best.Mean, Holdout = holdout, Generations = engine.Generations,
                Spent = engine.Budget.Spent, Budget = engine.Budget.Total, RacingSaved = engine.RacingSaved,
                StopReason = engine.StopReason ?? "finished", Resumed = resumed is not null,
            };
        }).ConfigureAwait(false);
    }

    /// <summary>Seed and best on the holdout split, paid from the reserve kept for it, compared case by case.</summary>
    private static async Task<PairedComparisonResult> HoldoutAsync(GepaSetup setup, RolloutExecutor executor, RolloutBudget budget, PoolEntry seed, PoolEntry best, CancellationToken cancellationToken)
    {
        List<RolloutRequest> Requests(PoolEntry e) =>
            setup.Holdout.SelectMany(c => Enumerable.Range(0, setup.HoldoutRepeat).Select(rep => new RolloutRequest(e.Candidate, e.Agent, c, rep))).ToList();
        var requests = Requests(seed).Concat(Requests(best)).ToList();
        budget.Consume(requests, fromReserve: true);
        var rollouts = await executor.RunAsync(requests, cancellationToken: cancellationToken).ConfigureAwait(false);
        var pairs = setup.Holdout.Select(c =>
        {
            var a = rollouts.Where(r => r.CandidateId == seed.Candidate.Id && r.CaseId == c.Id).ToList();
            var b = rollouts.Where(r => r.CandidateId == best.Candidate.Id && r.CaseId == c.Id).ToList();
            return new PairedObservation(c.Id, a.Average(r => r.Score.Value), b.Average(r => r.Score.Value), a.Count(r => r.Score.Pass) * 2 > a.Count, b.Count(r => r.Score.Pass) * 2 > b.Count);
        }).ToList();
        return PairedComparison.Compare(pairs, new PairedComparisonOptions { Seed = setup.Options.Seed });
    }
}

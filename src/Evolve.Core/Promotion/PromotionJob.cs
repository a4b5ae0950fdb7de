using Evolve.Core.Evaluation;
using Evolve.Core.Gepa.Reflection;
using Evolve.Core.Runs;
using Evolve.Core.Runs.Events;
using Evolve.Core.Suites;
using Evolve.Kernel;
using Evolve.Kernel.Agents;
using Evolve.Kernel.Library;

namespace Evolve.Core.Promotion;

/// <summary>
/// <c>evolve promote</c>: takes a run's candidate through the gates (artifacts, size, holdout
/// against the current live files) and, only when every gate passes, adds it to the library as a
/// new version on the chosen channel with the gate results and evidence. A failing gate changes nothing.
/// </summary>
public sealed class PromotionJob(EvalDependencies dependencies)
{
    /// <summary>Runs the gates and promotes. Bad input throws <see cref="InputException"/>; a failing gate returns a result whose <see cref="PromotionResult.Promoted"/> is null.</summary>
    public async Task<PromotionResult> RunAsync(PromotionOptions options, Action<string> log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        options.Validate();
        // The judge is built only once the gates before it pass; a bad URI must stop everything first.
        _ = options.JudgeModel is { } judgeUri ? Evolve.Kernel.Providers.ModelUri.Parse(judgeUri, "--judge-model") : null;
        var runDirectory = CandidatePicker.RunDirectory(options.Run, options.Paths.Runs);
        using var store = RunStore.Open(runDirectory, dependencies.Time);
        using var runLock = RunLock.Acquire(runDirectory);
        var info = store.LoadInfo();
        var agent = options.Agent ?? info.Agent;
        if (!Directory.Exists(options.Paths.Prompts))
        {
            throw new InputException(options.Paths.Prompts, null, null, "the prompts folder does not exist");
        }

        var library = new PromptLibrary(new PromptLibraryOptions { PromptsDirectory = options.Paths.Prompts, TimeProvider = dependencies.Time, OnLockWait = log });
        var channels = library.Channels(agent);
        var profile = AgentProfileLoader.Load(options.Paths.Prompts, agent);
        var candidate = CandidatePicker.Pick(store, options.CandidatePrefix);
        var live = new Candidate(LiveArtifacts.Read(profile), @operator: "live");
        var suite = SuiteLoader.Load(options.Paths.Evals, info.Suite);
        var holdout = suite.InSplit(Split.Holdout).ToList();
        if (holdout.Count == 0)
        {
            throw new InputException(Path.Combine(suite.Directory, "suite.yaml"), null, "split", "the promotion gate needs holdout cases and the suite has none");
        }

        if (suite.ContentHash != info.SuiteHash)
        {
            log($"warning: suite '{suite.Name}' changed since the run (hash {info.SuiteHash[..Math.Min(12, info.SuiteHash.Length)]} then, {suite.ContentHash[..Math.Min(12, suite.ContentHash.Length)]} now); the gate uses it as it is now");
        }

        var model = dependencies.CreateTaskModel(info.Model, options.Paths, CaseOracle.Lookup(suite));
        log($"model: {model.Description}");
        foreach (var warning in suite.UnscoredWarnings())
        {
            log("warning: " + warning);
        }

        log($"candidate {candidate.ShortId} of run {info.Id} against live {(channels?.Live.Version is int v ? $"version {v}" : "files (library not yet initialized)")} of '{agent}'");
        var gates = new List<GateResult>();
        var references = suite.InSplit(Split.Train).Select(CaseOracle.Reference).OfType<string>();
        gates.Add(candidate.Id == live.Id
            ? new GateResult("artifacts", false, "the candidate is identical to the live files: nothing to promote")
            : PromotionGates.Artifacts(profile, live.Components, candidate.Components, references));
        if (gates[^1].Passed)
        {
            gates.Add(PromotionGates.Size(live.Components, candidate.Components, new GuardOptions()));
        }

        Stats.PairedComparisonResult? comparison = null;
        if (gates.All(g => g.Passed))
        {
            var scorer = await dependencies.CreateSuiteScorerAsync(suite, null, options.Sandbox, options.JudgeModel, options.Paths).ConfigureAwait(false);
            var executor = RolloutExecutor.Create(store, RolloutIndex.Load(store), suite, model.Client, scorer.Scorer, dependencies.Time, options.Concurrency);
            (var gate, comparison) = await HoldoutGate.RunAsync(executor, profile, holdout, live, candidate, options, cancellationToken).ConfigureAwait(false);
            gates.Add(gate);
        }

        var evidence = PromotionEvidence.Build(info, suite, model, options, channels?.Live.Version, comparison);
        var result = new PromotionResult
        {
            Run = info, Agent = agent, Candidate = candidate, Model = model, LiveVersion = channels?.Live.Version,
            Gates = gates, Holdout = comparison, Evidence = evidence,
        };
        if (result.FailedGate is not null)
        {
            store.AppendEvent(new PromotionEvent(candidate.Id, agent, Passed: false, Gates: gates));
            return result;
        }

        if (channels is null)
        {
            // Passing gates are the first write: record the live files compared against as version 1, so it is the new version's parent.
            library.Initialize(agent, options.Actor);
            channels = library.Channels(agent)!;
            if (library.Show(agent, channels.Live.Version!.Value).Metadata.Sha256 != live.Id)
            {
                throw new LibraryConflictException($"the live files of '{agent}' changed while the gates ran; nothing was promoted, run promote again");
            }

            evidence = PromotionEvidence.Build(info, suite, model, options, channels.Live.Version, comparison);
            result = result with { LiveVersion = channels.Live.Version, Evidence = evidence };
        }
        else if (library.Channels(agent)?.Live.Generation != channels.Live.Generation)
        {
            // The gates compared against live as it was; a canary promotion is not covered by the live channel's compare-and-swap.
            throw new LibraryConflictException($"live '{agent}' moved while the gates ran; nothing was promoted, run promote again");
        }

        var metadata = new VersionMetadata
        {
            Parents = [channels.Live.Version!.Value],
            Operator = PromotionEvidence.Operator(candidate),
            RunId = info.Id, CandidateId = candidate.Id, Evidence = evidence, Gates = PromotionEvidence.Gates(gates),
        };

        // Compare-and-swap on the generation read before the gates: a deploy meanwhile makes this a conflict, not a silent overwrite.
        var entry = library.Promote(agent, candidate.Components, metadata, options.Channel, channels.Get(options.Channel).Generation, options.Actor);
        store.AppendEvent(new PromotionEvent(candidate.Id, agent, Passed: true, Version: entry.To, Channel: options.Channel.ToString().ToLowerInvariant()));
        return result with { Promoted = entry };
    }
}

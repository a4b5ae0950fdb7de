using System.Security.Cryptography;
using System.Text.Json;
using Evolve.Core.Runs;
using Evolve.Core.Suites;
using Evolve.Kernel;
using Evolve.Kernel.Agents;
using Evolve.Kernel.Prompts;
using Evolve.Kernel.Library;
using Evolve.Kernel.Sandbox;

namespace Evolve.Core.Evaluation;

/// <summary>
/// <c>evolve eval</c>: load and check everything first (so bad input runs nothing and writes
/// nothing), then evaluate one candidate into a new run folder.
/// </summary>
public sealed class EvalJob(EvalDependencies dependencies)
{
    /// <summary>The kind of run this makes, as run.db records it.</summary>
    public const string Kind = "eval";

    /// <summary>Says which model grades the model-graded assertions, when some case has one.</summary>
    internal static void LogJudge(ScorerHandle scorer, Action<string> log)
    {
        if (scorer.Judge is { } judge)
        {
            log($"judge: {judge.Description}");
        }
    }

    /// <summary>Runs the evaluation. Throws <see cref="InputException"/> before creating anything when input is bad.</summary>
    public async Task<EvalJobResult> RunAsync(EvalOptions options, EvaluationProgress progress, Action<string> log, CancellationToken cancellationToken = default)
    {
        options.Validate();
        var suite = options.IsSuiteFile ? SuiteLoader.LoadFile(options.Suite!) : SuiteLoader.Load(options.Paths.Evals, options.Suite!);
        var profile = AgentProfileLoader.Load(options.Paths.Prompts, options.Agent ?? suite.Agent);
        var candidate = LoadCandidate(profile, options.PromptFile);
        var agent = AgentDefinition.Create(profile, candidate.Components, options.Sandbox);
        var cases = CaseSelection.Select(suite, options.Split, options.CaseIds, options.CasesFile);

        RenderCheck.RequireAnyRenders(agent, cases);

        var withSettings = dependencies.WithModelSettings(options.Calls);
        var model = withSettings.CreateTaskModel(options.Model ?? profile.Model ?? "sim", options.Paths, CaseOracle.Lookup(suite));
        var needsCode = suite.RunsCode(cases);
        var scorer = await withSettings.CreateSuiteScorerAsync(suite, cases, options.Sandbox, options.JudgeModel, options.Paths).ConfigureAwait(false);
        SandboxPolicy.Check(model.Uri, needsCode ? scorer.SandboxDescription : "none", options.AllowUnsandboxed);
        log($"model: {model.Description}");
        LogJudge(scorer, log);
        foreach (var warning in suite.UnscoredWarnings(cases))
        {
            log("warning: " + warning);
        }

        if (needsCode)
        {
            log($"sandbox: {scorer.SandboxDescription}");
        }

        // The cases are recorded only when named, so a resume of a whole-suite eval made before --case still matches.
        var named = options.CaseIds is { Count: > 0 } || options.CasesFile is not null ? string.Join(',', cases.Select(c => c.Id)) : null;
        var optionsJson = JsonSerializer.Serialize(new
        {
            Split = SplitNames.Name(options.Split), Cases = named, options.Repeat, options.Concurrency, options.PromptFile, Sandbox = SandboxLevelNames.Name(options.Sandbox),
        });
        var (store, runLock) = options.Resume is { } id
            ? EvalResume.Open(options.Paths.Runs, id, suite, candidate, model.Uri, optionsJson, dependencies.Time)
            : (RunStore.Create(options.Paths.Runs, NewRunInfo(suite, profile.Name, model, optionsJson), dependencies.Time), null);
        using var _ = store;
        using var __ = runLock;
        (progress.RunId, progress.RunDirectory) = (store.LoadInfo().Id, store.Directory);
        if (options.Resume is not null)
        {
            log($"resuming {progress.RunId}: {store.CountRollouts()} rollouts already stored are kept");
        }

        var plan = new EvaluationPlan
        {
            Suite = suite, Cases = cases, Repeat = options.Repeat ?? suite.Repeat, Candidate = candidate, Agent = agent,
            Model = model.Client, Scorer = scorer.Scorer, Concurrency = options.Concurrency,
        };

        var usage = RunUsageRecorder.Start(dependencies.Usage, store);
        try
        {
            return await store.GuardAsync(async () =>
            {
                var summary = await new EvaluationEngine(store, dependencies.Time).RunAsync(plan, progress, cancellationToken).ConfigureAwait(false);
                store.SetStatus(RunStatus.Finished);
                return new EvalJobResult(store.LoadInfo(), store.Directory, suite, candidate, model, needsCode ? scorer.SandboxDescription : null, summary, options.MinScore);
            }).ConfigureAwait(false);
        }
        finally
        {
            // Interrupted and failed runs record what they spent too: the report of a resumed run adds it up.
            usage.Record(store);
        }
    }

    /// <summary>The agent's live artifacts, with the primary template replaced by <paramref name="promptFile"/> when given.</summary>
    private static Candidate LoadCandidate(AgentProfile profile, string? promptFile) => promptFile is null
        ? new Candidate(LiveArtifacts.Read(profile))
        : PromptFileCandidate.Create(profile, promptFile, InputText.Read(promptFile));

    private RunInfo NewRunInfo(Suite suite, string agent, ModelHandle model, string optionsJson) => new()
    {
        Id = NewRunId(suite.Name), Kind = EvalJob.Kind, Suite = suite.Name, SuiteHash = suite.ContentHash, Agent = agent,
        Model = model.Uri, Simulated = model.Simulated, StartedAt = dependencies.Time.GetUtcNow(), OptionsJson = optionsJson,
    };

    private string NewRunId(string suite) =>
        $"{dependencies.Time.GetUtcNow():yyyyMMdd-HHmmss}-{suite}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
}

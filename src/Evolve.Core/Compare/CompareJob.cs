using System.Security.Cryptography;
using System.Text.Json;
using Evolve.Core.Evaluation;
using Evolve.Core.Reports.Compare;
using Evolve.Core.Runs;
using Evolve.Core.Runs.Events;
using Evolve.Core.Stats;
using Evolve.Core.Suites;
using Evolve.Kernel;
using Evolve.Kernel.Agents;
using Evolve.Kernel.Sandbox;

namespace Evolve.Core.Compare;

/// <summary>
/// <c>evolve compare A B</c>: resolve both sides and the suite first (bad input writes nothing),
/// then run both on the same cases and repeats through the same model into a compare run
/// (<c>runs/&lt;id&gt;/run.db</c>, kind compare), compare case by case, and write compare.md and
/// compare.html. Re-running an interrupted compare with the same options continues it.
/// </summary>
public sealed class CompareJob(EvalDependencies dependencies)
{
    /// <summary>The run kind of a comparison.</summary>
    public const string Kind = "compare";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Checks the options and resolves both sides and the suite; throws <see cref="InputException"/>, having created nothing, when input is bad.</summary>
    public ComparePlan Prepare(CompareJobOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var (a, b, suite, cases) = Prepare(options, dependencies.Time);
        return new ComparePlan(options, a, b, suite, cases);
    }

    /// <summary>Prepares and runs the comparison. Throws <see cref="InputException"/> before creating anything when input is bad.</summary>
    public Task<CompareResult> RunAsync(CompareJobOptions options, EvaluationProgress progress, Action<string> log, CancellationToken cancellationToken = default) =>
        RunAsync(Prepare(options), progress, log, cancellationToken);

    /// <summary>Runs a prepared comparison (even of a candidate with itself: the caller decides whether that is worth running).</summary>
    public async Task<CompareResult> RunAsync(ComparePlan plan, EvaluationProgress progress, Action<string> log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(log);
        var (options, a, b, suite, cases) = (plan.Options, plan.A, plan.B, plan.Suite, plan.Cases);
        var model = dependencies.CreateTaskModel(options.Model ?? a.Profile.Model ?? "sim", options.Paths, CaseOracle.Lookup(suite));
        var needsCode = suite.RunsCode(cases);
        var scorer = await dependencies.CreateSuiteScorerAsync(suite, cases, options.Sandbox, options.JudgeModel, options.Paths).ConfigureAwait(false);
        log($"model: {model.Description}");
        EvalJob.LogJudge(scorer, log);
        foreach (var warning in suite.UnscoredWarnings(cases))
        {
            log("warning: " + warning);
        }

        if (needsCode)
        {
            log($"sandbox: {scorer.SandboxDescription}");
        }

        var repeat = options.Repeat ?? suite.Repeat;
        var optionsJson = JsonSerializer.Serialize(new
        {
            a = options.A, b = options.B, aId = a.Candidate.Id, bId = b.Candidate.Id, suite = suite.Name, suiteHash = suite.ContentHash,
            Split = SplitNames.Name(options.Split), repeat, model = model.Uri, options.Seed, Sandbox = SandboxLevelNames.Name(options.Sandbox),
        }, Json);
        var resumable = CompareRuns.FindResumable(options.Paths.Runs, optionsJson, dependencies.Time);
        using var store = resumable is { } existing
            ? RunStore.Open(existing, dependencies.Time)
            : RunStore.Create(options.Paths.Runs, new RunInfo
            {
                Id = $"{dependencies.Time.GetUtcNow():yyyyMMdd-HHmmss}-{suite.Name}-compare-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}",
                Kind = Kind, Suite = suite.Name, SuiteHash = suite.ContentHash, Agent = a.Profile.Name, Model = model.Uri,
                Simulated = model.Simulated, OptionsJson = optionsJson, StartedAt = dependencies.Time.GetUtcNow(),
            }, dependencies.Time);
        using var runLock = RunLock.Acquire(store.Directory);
        if (resumable is not null)
        {
            log($"resuming compare run {Path.GetFileName(store.Directory)}: stored rollouts are reused");
            store.SetStatus(RunStatus.Running);
        }

        SaveSides(store, a, b);
        var index = RolloutIndex.Load(store);
        var before = index.Count;
        var executor = RolloutExecutor.Create(store, index, suite, model.Client, scorer.Scorer, dependencies.Time, options.Concurrency);
        return await store.GuardAsync(async () =>
        {
            var pairs = await PairedRollouts.RunAsync(
                executor, (a.Candidate, AgentDefinition.Create(a.Profile, a.Candidate.Components, options.Sandbox)), (b.Candidate, AgentDefinition.Create(b.Profile, b.Candidate.Components, options.Sandbox)),
                cases, repeat, progress, cancellationToken).ConfigureAwait(false);
            var compared = PairedRollouts.Compare(pairs, options.Seed);
            var statistics = compared with { Explanation = PairedComparison.Explain(compared, plan.Names.A, plan.Names.B) };
            store.AppendEvent(new CompareEvent(
                a.Candidate.Id, b.Candidate.Id, statistics.N, statistics.MeanA, statistics.MeanB, statistics.MeanDifference, statistics.Verdict, statistics.Explanation));
            store.SetStatus(RunStatus.Finished);
            var result = new CompareResult
            {
                Run = store.LoadInfo(), RunDirectory = store.Directory, Suite = suite, Split = SplitNames.Name(options.Split), Repeat = repeat, A = a, B = b,
                Model = model, Sandbox = needsCode ? scorer.SandboxDescription : null, Cases = pairs, Statistics = statistics, Seed = options.Seed,
                Resumed = resumable is not null, NewRollouts = index.Count - before,
            };
            return result with { Reports = CompareReport.WriteAll(result, options.OutputDirectory) };
        }).ConfigureAwait(false);
    }

    private static (ResolvedCandidate A, ResolvedCandidate B, Suite Suite, IReadOnlyList<EvalCase> Cases) Prepare(CompareJobOptions options, TimeProvider time)
    {
        // Both references are checked before either fails, so one run of the command reports every bad argument.
        var errors = new List<InputError>();
        CandidateReference? Parse(string argument, string text)
        {
            try
            {
                return CandidateReference.Parse(argument, text, options.WorkingDirectory);
            }
            catch (InputException ex)
            {
                errors.AddRange(ex.Errors);
                return null;
            }
        }

        var referenceA = Parse("A", options.A);
        var referenceB = Parse("B", options.B);
        var suitePath = options.IsSuiteFile ? Path.GetFullPath(options.Suite!, options.WorkingDirectory) : null;
        var suite = suitePath is not null ? SuiteLoader.LoadFile(suitePath) : SuiteLoader.Load(options.Paths.Evals, options.Suite!);
        List<EvalCase> cases = [];
        try
        {
            cases = CaseSelection.Select(suite, options.Split, ids: null, casesFile: null);
        }
        catch (InputException ex)
        {
            errors.AddRange(ex.Errors);
        }

        ResolvedCandidate? Resolve(CandidateReference? reference)
        {
            try
            {
                return reference is null ? null : CandidateResolver.Resolve(reference, suite, options.Paths, time);
            }
            catch (InputException ex)
            {
                errors.AddRange(ex.Errors);
                return null;
            }
        }

        var a = Resolve(referenceA);
        var b = Resolve(referenceB);
        // A's problems, then B's, then the suite's, whatever order they were found in.
        return errors.Count > 0
            ? throw new InputException(errors.OrderBy(e => e.File switch { "A" => 0, "B" => 1, _ => 2 }).ToList())
            : (a!, b!, suite, cases);
    }

    private static void SaveSides(RunStore store, ResolvedCandidate a, ResolvedCandidate b)
    {
        if (a.Candidate.Id == b.Candidate.Id)
        {
            store.SaveCandidate(a.Candidate, CandidateStatus.CompareBoth, new { a = a.Reference.Text, b = b.Reference.Text, source = a.Source });
            return;
        }

        store.SaveCandidate(a.Candidate, CandidateStatus.CompareA, new { reference = a.Reference.Text, source = a.Source });
        store.SaveCandidate(b.Candidate, CandidateStatus.CompareB, new { reference = b.Reference.Text, source = b.Source });
    }
}

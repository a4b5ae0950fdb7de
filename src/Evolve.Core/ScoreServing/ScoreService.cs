using System.Collections.Concurrent;
using Evolve.Core.Evaluation;
using Evolve.Core.Suites;
using Evolve.Kernel;
using Evolve.Kernel.Agents;
using Evolve.Kernel.Library;
using Evolve.Kernel.Providers;

namespace Evolve.Core.ScoreServing;

/// <summary>
/// Scores candidates on one suite for as long as it lives, with <c>evolve eval</c>'s pieces (case
/// selection, render check, rollout runner, scorer), so a peer pays for the rollouts and not for a
/// process start per evaluation. No run is stored (a real model's answers go to the response cache, as in eval): each request's rollouts are its answer.
/// </summary>
public sealed class ScoreService
{
    private const string Source = "request";

    private readonly Suite _suite;
    private readonly AgentProfile _profile;
    private readonly IReadOnlyDictionary<string, string> _live;
    private readonly ScorerHandle _scorer;
    private readonly ScoreServiceOptions _options;
    private readonly EvalDependencies _dependencies;
    private readonly ConcurrentDictionary<string, Lazy<ModelHandle>> _models = new(StringComparer.Ordinal);

    private ScoreService(Suite suite, AgentProfile profile, ScorerHandle scorer, ScoreServiceOptions options, EvalDependencies dependencies)
    {
        (_suite, _profile, _scorer, _options, _dependencies) = (suite, profile, scorer, options, dependencies);
        _live = LiveArtifacts.Read(profile);
    }

    /// <summary>The suite served.</summary>
    public string Suite => _suite.Name;

    /// <summary>The agent whose files requests replace.</summary>
    public string Agent => _profile.Name;

    /// <summary>The sandbox python-tests run under, or null when no case runs code.</summary>
    public string? Sandbox { get; private set; }

    /// <summary>Loads the suite and agent and builds the scorer; throws <see cref="InputException"/> for bad options or files.</summary>
    public static async Task<ScoreService> OpenAsync(ScoreServiceOptions options, EvalDependencies dependencies)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dependencies);
        options.Validate();
        var suite = SuiteLoader.Load(options.Paths!.Evals, options.Suite!);
        var profile = AgentProfileLoader.Load(options.Paths.Prompts, options.Agent ?? suite.Agent);
        var runsCode = suite.RunsCode();
        var scorer = await dependencies.CreateSuiteScorerAsync(suite, null, options.Sandbox, options.JudgeModel, options.Paths!).ConfigureAwait(false);
        return new ScoreService(suite, profile, scorer, options, dependencies) { Sandbox = runsCode ? scorer.SandboxDescription : null };
    }

    /// <summary>
    /// Runs every case and repeat the request names. Bad input throws <see cref="InputException"/>
    /// naming the request field (<c>components.FILE</c>, <c>cases</c>, <c>repeat</c>, <c>model</c>)
    /// before any rollout; a per-case failure is that case's score of 0 with feedback.
    /// </summary>
    public async Task<ScoreResult> ScoreAsync(ScoreRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var candidate = Candidate(request.Components);
        var agent = Parse(candidate, request.Components);
        var cases = Cases(request);
        var repeat = request.Repeat ?? _suite.Repeat;
        if (repeat is < 1 or > ScoreServiceDefaults.MaxRepeat)
        {
            throw new InputException(Source, null, "repeat", $"must be in 1-{ScoreServiceDefaults.MaxRepeat}, not {repeat}");
        }

        try
        {
            RenderCheck.RequireAnyRenders(agent, cases);
        }
        catch (SystemicFailureException ex)
        {
            throw new InputException(Source, null, "components", ex.Message);
        }

        var model = Model(request.Model ?? _profile.Model ?? "sim");
        var runner = new RolloutRunner(_suite, model.Client, _scorer.Scorer, _dependencies.Time);
        var requests = RolloutRequest.For(candidate, agent, cases, repeat);
        var rollouts = new Rollout[requests.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, requests.Count),
            new ParallelOptions { MaxDegreeOfParallelism = _options.Concurrency, CancellationToken = cancellationToken },
            async (i, ct) => rollouts[i] = await runner.RunAsync(requests[i], ct).ConfigureAwait(false)).ConfigureAwait(false);
        var byCase = rollouts.ToLookup(r => r.CaseId);
        return new ScoreResult(candidate.Id, model.Uri, repeat, [.. cases.Select(c => new ScoredCase(c.Id, [.. byCase[c.Id].OrderBy(r => r.Repeat)]))], model.Simulated);
    }

    private Candidate Candidate(IReadOnlyDictionary<string, string> components)
    {
        var unknown = components.Keys.Where(k => !_live.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            var known = string.Join(", ", _live.Keys.Order(StringComparer.Ordinal));
            throw new InputException([.. unknown.Select(k => new InputError(Source, null, $"components.{k}", $"agent {_profile.Name} has no component '{k}'; it has {known}"))]);
        }

        var merged = new Dictionary<string, string>(_live, StringComparer.Ordinal);
        foreach (var (file, text) in components)
        {
            merged[file] = text;
        }

        return new Candidate(merged, @operator: "served");
    }

    private AgentDefinition Parse(Candidate candidate, IReadOnlyDictionary<string, string> given)
    {
        try
        {
            return AgentDefinition.Create(_profile, candidate.Components, _options.Sandbox);
        }
        catch (InputException ex)
        {
            // A file the request sent is named as its field; a fault in a live file stays the file's.
            throw new InputException([.. ex.Errors.Select(e => given.ContainsKey(Path.GetFileName(e.File))
                ? new InputError(Source, e.Line, $"components.{Path.GetFileName(e.File)}", e.Field is null ? e.Message : $"{e.Field}: {e.Message}")
                : e)]);
        }
    }

    private List<EvalCase> Cases(ScoreRequest request)
    {
        try
        {
            return CaseSelection.Select(_suite, request.Split, request.Cases, casesFile: null);
        }
        catch (InputException ex)
        {
            throw new InputException([.. ex.Errors.Select(e => new InputError(Source, null, "cases", e.Message))]);
        }
    }

    private ModelHandle Model(string uri)
    {
        try
        {
            var key = ModelUri.Parse(uri, "model").ToString();
            var model = _models.GetOrAdd(key, k => new Lazy<ModelHandle>(() => _dependencies.CreateTaskModel(k, _options.Paths!, CaseOracle.Lookup(_suite)))).Value;
            SandboxPolicy.Check(model.Uri, Sandbox ?? "none", _options.AllowUnsandboxed);
            return model;
        }
        catch (InputException ex)
        {
            throw new InputException([.. ex.Errors.Select(e => new InputError(Source, null, "model", e.Message))]);
        }
    }
}

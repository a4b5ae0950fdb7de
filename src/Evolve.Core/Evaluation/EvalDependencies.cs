using Evolve.Core.Scoring;
using Evolve.Core.Suites;
using Evolve.Core.Workspace;
using Evolve.Kernel.Sandbox;
using Evolve.Kernel.Providers.Sim;
using Microsoft.Extensions.AI;

namespace Evolve.Core.Evaluation;

/// <summary>A model pipeline and how to name it in every output.</summary>
/// <param name="Client">The pipeline.</param>
/// <param name="Uri">The URI as given.</param>
/// <param name="Description">For output, e.g. <c>sim (offline simulator, scores are synthetic)</c>.</param>
/// <param name="Simulated">True for the simulator.</param>
public sealed record ModelHandle(IChatClient Client, string Uri, string Description, bool Simulated);

/// <summary>A scorer and the sandbox level its python-tests run under.</summary>
/// <param name="Scorer">The scorer.</param>
/// <param name="SandboxDescription">For output, e.g. <c>bwrap</c>.</param>
public sealed record ScorerHandle(ICaseScorer Scorer, string SandboxDescription)
{
    /// <summary>The judge model of the model-graded assertions; null when no case has one.</summary>
    public ModelHandle? Judge { get; init; }
}

/// <summary>
/// How an evaluation obtains its model and scorer. The CLI uses the real ones; tests pass a
/// scripted chat client or a fake scorer.
/// </summary>
/// <param name="CreateModel">Builds the pipeline a <see cref="ModelSpec"/> asks for; throws InputException for a bad URI.</param>
/// <param name="CreateScorerAsync">Builds the scorer a job needs: with a sandbox at the level asked for when some case runs code.</param>
/// <param name="Time">The clock.</param>
public sealed record EvalDependencies(
    Func<ModelSpec, ModelHandle> CreateModel,
    Func<ScorerRequest, Task<ScorerHandle>> CreateScorerAsync,
    TimeProvider Time)
{
    /// <summary>
    /// Builds a pipeline under <see cref="ModelCallSettings"/>; null when these dependencies have no
    /// policy to apply (test fakes), and then <see cref="WithModelSettings"/> changes nothing.
    /// </summary>
    public Func<ModelSpec, ModelCallSettings, ModelHandle>? CreateModelWithSettings { get; init; }

    /// <summary>Where every model these dependencies build records calls, tokens and cost, per role; null for fakes that keep no ledger.</summary>
    public ModelUsage? Usage { get; init; }

    /// <summary>The model that answers the cases: a simulator gets the suite's <paramref name="oracles"/>.</summary>
    public ModelHandle CreateTaskModel(string uri, WorkspacePaths paths, SimOracleLookup? oracles) =>
        CreateModel(new ModelSpec(uri, paths, ModelRole.Task) { Oracles = oracles });

    /// <summary>The model that proposes candidates; it answers no case, so it gets no oracles.</summary>
    public ModelHandle CreateReflectionModel(string uri, WorkspacePaths paths) =>
        CreateModel(new ModelSpec(uri, paths, ModelRole.Reflection));

    /// <summary>
    /// The scorer for <paramref name="cases"/> (default: all) of <paramref name="suite"/>: with a
    /// sandbox at <paramref name="level"/> when some case runs code, and with a judge model
    /// (<paramref name="judgeUri"/>, default <c>sim</c>; a pipeline and usage ledger of its own)
    /// when some case has a model-graded assertion. Throws InputException for a bad judge URI.
    /// </summary>
    public async Task<ScorerHandle> CreateSuiteScorerAsync(Suite suite, IEnumerable<EvalCase>? cases, SandboxLevel? level, string? judgeUri, WorkspacePaths paths)
    {
        ArgumentNullException.ThrowIfNull(suite);
        var judge = suite.UsesJudge(cases) ? CreateModel(new ModelSpec(judgeUri ?? "sim", paths, ModelRole.Judge)) : null;
        var scorer = await CreateScorerAsync(new ScorerRequest(suite.RunsCode(cases), level) { Judge = judge?.Client }).ConfigureAwait(false);
        return scorer with { Judge = judge };
    }

    /// <summary>These dependencies with every model built under <paramref name="settings"/>.</summary>
    public EvalDependencies WithModelSettings(ModelCallSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return CreateModelWithSettings is { } create ? this with { CreateModel = spec => create(spec, settings) } : this;
    }

    /// <summary>
    /// These dependencies with <see cref="SandboxPolicy.Check"/> applied to the task model
    /// (<see cref="ModelRole.Task"/>, whatever order the models are built in) when the scorer is
    /// built. For jobs that do not call the check themselves (<c>evolve run</c>, <c>evolve compare</c>).
    /// </summary>
    public EvalDependencies WithSandboxPolicy(bool allowUnsandboxed)
    {
        string? taskModel = null;
        return this with
        {
            CreateModel = spec =>
            {
                var handle = CreateModel(spec);
                if (spec.Role == ModelRole.Task)
                {
                    Volatile.Write(ref taskModel, handle.Uri);
                }

                return handle;
            },
            CreateScorerAsync = async request =>
            {
                var scorer = await CreateScorerAsync(request).ConfigureAwait(false);
                SandboxPolicy.Check(Volatile.Read(ref taskModel) ?? "an unknown model", scorer.SandboxDescription, allowUnsandboxed);
                return scorer;
            },
        };
    }
}

using Evolve.Core.Scoring;
using Evolve.Core.Workspace;
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
public sealed record ScorerHandle(ICaseScorer Scorer, string SandboxDescription);

/// <summary>
/// How an evaluation obtains its model and scorer. The CLI uses the real ones; tests pass a
/// scripted chat client or a fake scorer.
/// </summary>
/// <param name="CreateModel">Builds the pipeline for a model URI (its response cache lives under the workspace's runs folder); throws InputException for a bad URI.</param>
/// <param name="CreateScorerAsync">Builds the scorer for a sandbox level name (auto, bwrap, namespaces, process), or "none" when no case runs code.</param>
/// <param name="Time">The clock.</param>
public sealed record EvalDependencies(
    Func<string, WorkspacePaths, ModelHandle> CreateModel,
    Func<string, Task<ScorerHandle>> CreateScorerAsync,
    TimeProvider Time);

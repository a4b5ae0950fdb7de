using Evolve.Core.Workspace;
using Evolve.Kernel.Providers.Sim;

namespace Evolve.Core.Evaluation;

/// <summary>What a job asks <see cref="EvalDependencies.CreateModel"/> for.</summary>
/// <param name="Uri">The model URI as given (<c>sim</c>, <c>openai:gpt-4.1-mini</c>).</param>
/// <param name="Paths">The workspace; the response cache lives under its runs folder.</param>
/// <param name="Role">What the model is for.</param>
public sealed record ModelSpec(string Uri, WorkspacePaths Paths, ModelRole Role)
{
    /// <summary>
    /// The suite's oracles for the simulator (<see cref="CaseOracle.Lookup"/>); null for a model that
    /// answers no case (reflection, chat). Real providers never see them.
    /// </summary>
    public SimOracleLookup? Oracles { get; init; }
}

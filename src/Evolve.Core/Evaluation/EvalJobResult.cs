using Evolve.Core.Runs;
using Evolve.Core.Suites;

namespace Evolve.Core.Evaluation;

/// <summary>What <c>evolve eval</c> produced.</summary>
/// <param name="Run">The run header (id, model, status).</param>
/// <param name="RunDirectory">The run folder.</param>
/// <param name="Suite">The suite.</param>
/// <param name="Candidate">The candidate evaluated.</param>
/// <param name="Model">The model and how to name it.</param>
/// <param name="Sandbox">The sandbox level used for code, or null when the suite runs no code.</param>
/// <param name="Summary">Rollouts and aggregates.</param>
/// <param name="MinScore">The gate, if one was set.</param>
public sealed record EvalJobResult(
    RunInfo Run,
    string RunDirectory,
    Suite Suite,
    Candidate Candidate,
    ModelHandle Model,
    string? Sandbox,
    EvaluationSummary Summary,
    double? MinScore)
{
    /// <summary>False when a <c>--min-score</c> gate was set and the mean case score is below it.</summary>
    public bool GatePassed => MinScore is not double min || Summary.MeanScore >= min;
}

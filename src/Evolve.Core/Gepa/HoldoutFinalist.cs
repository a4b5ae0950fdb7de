using Evolve.Core.Evaluation;
using Evolve.Core.Stats;

namespace Evolve.Core.Gepa;

/// <summary>One finalist of the holdout check: the seed (A) against it (B) on cases the search never saw.</summary>
/// <param name="Rank">0 for the best by validation, then 1, 2, … by validation mean among the Pareto front.</param>
/// <param name="Candidate">The finalist.</param>
/// <param name="ValMean">Its mean validation score.</param>
/// <param name="Comparison">Seed against finalist, case by case.</param>
/// <param name="HolmP">The comparison's p-value after Holm correction across all finalists.</param>
public sealed record HoldoutFinalist(int Rank, Candidate Candidate, double ValMean, PairedComparisonResult Comparison, double HolmP);

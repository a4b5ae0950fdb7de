using Evolve.Core.Stats;

namespace Evolve.Core.Runs.Events;

/// <summary>
/// The "holdout" event, one per finalist: the seed against it on the holdout cases the search never
/// saw. A resumed holdout check records a rank again; the last record of a rank holds.
/// </summary>
/// <param name="Rank">0 for the best, then the other finalists in order.</param>
/// <param name="Candidate">The finalist's id.</param>
/// <param name="Seed">The seed's id.</param>
/// <param name="ValMean">The finalist's mean validation score.</param>
/// <param name="HolmP">Its p-value, Holm-corrected across the finalists.</param>
/// <param name="Comparison">Seed (A) against the finalist (B), case by case.</param>
public sealed record HoldoutEvent(int Rank, string Candidate, string Seed, double ValMean, double HolmP, PairedComparisonResult Comparison) : IRunEvent
{
    /// <inheritdoc/>
    public static string Kind => "holdout";
}

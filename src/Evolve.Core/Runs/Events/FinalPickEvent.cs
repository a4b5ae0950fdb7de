namespace Evolve.Core.Runs.Events;

/// <summary>
/// The "final-pick" event: the leaders and the seed re-validated on fresh repeats, and what was
/// picked. Written once, before the holdout check.
/// </summary>
/// <param name="Repeats">Fresh validation repeats per case.</param>
/// <param name="Seed">The seed's id.</param>
/// <param name="SeedMean">The seed's fresh validation mean.</param>
/// <param name="Pick">The picked candidate's id (the seed's when it was kept).</param>
/// <param name="KeptSeed">True when no leader beat the seed on the fresh repeats.</param>
/// <param name="Contenders">Every leader, best lower bound first.</param>
public sealed record FinalPickEvent(int Repeats, string Seed, double SeedMean, string Pick, bool KeptSeed, IReadOnlyList<FinalPickContender> Contenders) : IRunEvent
{
    /// <inheritdoc/>
    public static string Kind => "final-pick";
}

/// <summary>One leader of the final pick.</summary>
/// <param name="Id">The candidate's id.</param>
/// <param name="SearchMean">Its validation mean during the search.</param>
/// <param name="Mean">Its fresh validation mean.</param>
/// <param name="Difference">Its mean paired difference from the seed on the fresh repeats.</param>
/// <param name="StandardError">That difference's standard error across cases.</param>
/// <param name="LowerBound">The difference less one standard error, which ranked it.</param>
public sealed record FinalPickContender(string Id, double SearchMean, double Mean, double Difference, double StandardError, double LowerBound);

namespace Evolve.Core.ScoreServing;

/// <summary>What one scoring request gave.</summary>
/// <param name="CandidateId">The id of the scored texts (as <c>evolve eval</c> and runs name candidates).</param>
/// <param name="Model">The model URI that answered.</param>
/// <param name="Repeat">Repeats per case.</param>
/// <param name="Cases">The cases, in suite order.</param>
/// <param name="Simulated">True when the simulator answered, so the scores are synthetic.</param>
public sealed record ScoreResult(string CandidateId, string Model, int Repeat, IReadOnlyList<ScoredCase> Cases, bool Simulated)
{
    /// <summary>The mean case score.</summary>
    public double Score => Cases.Average(c => c.Score);
}

namespace Evolve.Core.Runs;

/// <summary>A rollout as a report reads it: scores and usage, without output, trace or assertions.</summary>
/// <param name="CandidateId">Candidate id.</param>
/// <param name="CaseId">Case id.</param>
/// <param name="Repeat">Repeat index.</param>
/// <param name="Split">train, val, holdout (lower case).</param>
/// <param name="Score">Score in [0,1].</param>
/// <param name="Pass">Whether the case passed.</param>
/// <param name="Feedback">Feedback, for failures only (null for passes).</param>
/// <param name="InputTokens">Prompt tokens.</param>
/// <param name="OutputTokens">Completion tokens.</param>
/// <param name="LatencyMs">Latency in milliseconds.</param>
/// <param name="CacheHit">Served from the response cache.</param>
/// <param name="Error">The per-case error, or null.</param>
/// <param name="CreatedAt">When it was stored.</param>
public sealed record RolloutRow(
    string CandidateId, string CaseId, int Repeat, string Split, double Score, bool Pass, string? Feedback,
    long InputTokens, long OutputTokens, double LatencyMs, bool CacheHit, string? Error, DateTimeOffset CreatedAt)
{
    /// <summary>The rollout's cost in US dollars at list prices; null when its price was unknown (or never recorded).</summary>
    public decimal? Cost { get; init; }
}

using Evolve.Core.Scoring;
using Evolve.Core.Suites;

namespace Evolve.Core.Evaluation;

/// <summary>
/// One run of the agent with a candidate on a case: what it answered and how it scored. A per-case
/// failure (model error, render error) is a rollout with <see cref="Error"/> set and a score of 0.
/// </summary>
public sealed record Rollout
{
    /// <summary>The candidate's id.</summary>
    public required string CandidateId { get; init; }

    /// <summary>The case's id.</summary>
    public required string CaseId { get; init; }

    /// <summary>Repeat index, from 0.</summary>
    public required int Repeat { get; init; }

    /// <summary>The case's split.</summary>
    public required Split Split { get; init; }

    /// <summary>The agent's final answer ("" on error).</summary>
    public required string Output { get; init; }

    /// <summary>The case score.</summary>
    public required CaseScore Score { get; init; }

    /// <summary>Input tokens over the session.</summary>
    public long InputTokens { get; init; }

    /// <summary>Output tokens over the session.</summary>
    public long OutputTokens { get; init; }

    /// <summary>Wall time of the agent session (not of scoring).</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>True when the answer came from the response cache.</summary>
    public bool CacheHit { get; init; }

    /// <summary>
    /// US dollars for the session's reported tokens by the model's price table: 0 when every answer
    /// came from the cache or the model is free, null when the price is unknown. Failed attempts that
    /// were retried carry no usage and are in the run's usage totals, not here.
    /// </summary>
    public decimal? Cost { get; init; }

    /// <summary>The per-case error, or null.</summary>
    public string? Error { get; init; }

    /// <summary>How the model call failed when <see cref="Error"/> came from one (not stored; it drives the run policy).</summary>
    public Evolve.Kernel.Providers.ModelCallFailure? ModelFailure { get; init; }

    /// <summary>The conversation as JSON (messages and tool calls), for reflection traces; null when not kept.</summary>
    public string? Trace { get; init; }
}

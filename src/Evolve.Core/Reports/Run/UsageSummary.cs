namespace Evolve.Core.Reports.Run;

/// <summary>Tokens, latency, cache hits and errors over every rollout of the run.</summary>
internal sealed record UsageSummary
{
    public required int Rollouts { get; init; }

    public required long InputTokens { get; init; }

    public required long OutputTokens { get; init; }

    /// <summary>The cost in US dollars of the rollouts run.db priced; null when it priced none.</summary>
    public decimal? Cost { get; init; }

    /// <summary>The cost as a reader sees it, or why there is none, said plainly.</summary>
    public required string CostNote { get; init; }

    public required double LatencyMeanMs { get; init; }

    public required double LatencyP50Ms { get; init; }

    public required double LatencyP95Ms { get; init; }

    public required int CacheHits { get; init; }

    public required int Errors { get; init; }

    /// <summary>The model-call scheduler's slots and timings (optimization runs that finished); null otherwise.</summary>
    public Evolve.Core.Runs.SchedulerEvent? Scheduler { get; init; }

    /// <summary>The most frequent error messages with their counts.</summary>
    public required IReadOnlyList<(string Message, int Count)> TopErrors { get; init; }
}

using Evolve.Core.Runs.Events;

namespace Evolve.Core.Reports.Run;

/// <summary>Model calls and tokens per role; latency, cache hits and errors over every rollout of the run.</summary>
internal sealed record UsageSummary
{
    public required int Rollouts { get; init; }

    /// <summary>Input tokens of every recorded call (<see cref="Calls"/>), else those the stored rollouts carry.</summary>
    public required long InputTokens { get; init; }

    /// <summary>Output tokens, counted like <see cref="InputTokens"/>.</summary>
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

    /// <summary>
    /// Model calls, tokens and cost per role, summed over the run's invocations from the ledger the
    /// CLI's usage line prints; null when the run recorded none (killed outright, or older than the record).
    /// </summary>
    public UsageEvent? Calls { get; init; }

    /// <summary>How many invocations (the first run and each resume) recorded <see cref="Calls"/>.</summary>
    public int CallRecords { get; init; }

    /// <summary>The model-call scheduler's slots and timings (optimization runs that finished); null otherwise.</summary>
    public SchedulerEvent? Scheduler { get; init; }

    /// <summary>The most frequent error messages with their counts.</summary>
    public required IReadOnlyList<(string Message, int Count)> TopErrors { get; init; }
}

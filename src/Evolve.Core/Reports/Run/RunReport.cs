namespace Evolve.Core.Reports.Run;

/// <summary>
/// Everything a run report shows, read from one run.db and aggregated per candidate and case (never
/// per rollout), so html, md and json render the same facts and a large run stays small.
/// </summary>
internal sealed record RunReport
{
    public required ReportHeader Header { get; init; }

    /// <summary>Every candidate in the order it was recorded.</summary>
    public required IReadOnlyList<CandidateRow> Candidates { get; init; }

    /// <summary>Validation case ids (for an eval run: every case id), in first-seen order.</summary>
    public required IReadOnlyList<string> Cases { get; init; }

    /// <summary>Best validation score so far against rollouts spent; one point per improvement.</summary>
    public required IReadOnlyList<(int Rollouts, double Best)> ScoreCurve { get; init; }

    /// <summary>Mean score per candidate (rows, by id) and case (columns, <see cref="Cases"/>); null where not run.</summary>
    public required IReadOnlyList<(string CandidateId, double?[] Scores)> Heatmap { get; init; }

    /// <summary>Seed against each finalist on the holdout split, the best first; empty for eval runs.</summary>
    public required IReadOnlyList<FinalistRow> Finalists { get; init; }

    /// <summary>Parent -> child prompt changes along the best path, seed first.</summary>
    public required IReadOnlyList<DiffEntry> Diffs { get; init; }

    /// <summary>The seed against the best, one entry per artifact that differs (the summary's diff).</summary>
    public required IReadOnlyList<DiffEntry> BestVsSeed { get; init; }

    /// <summary>Groups of similar failure feedback, largest first.</summary>
    public required IReadOnlyList<ClusterEntry> Clusters { get; init; }

    public required UsageSummary Usage { get; init; }

    /// <summary>An eval run's mean score and pass rate (of its best candidate, normally its only one); null for an optimization run.</summary>
    public EvalOutcome? Outcome { get; init; }

    /// <summary>True for an optimization run (lineage, front, verdict apply); false for an eval run.</summary>
    public bool IsOptimization => Header.Kind == "optimize";
}

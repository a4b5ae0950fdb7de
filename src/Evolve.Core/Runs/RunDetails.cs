namespace Evolve.Core.Runs;

/// <summary>What <c>evolve runs show RUN</c> prints beyond the listing line.</summary>
public sealed record RunDetails
{
    /// <summary>The listing line (status, score, budget).</summary>
    public required RunListing Listing { get; init; }

    /// <summary>The stored options, as indented JSON.</summary>
    public required string Options { get; init; }

    /// <summary>Candidates stored.</summary>
    public required int Candidates { get; init; }

    /// <summary>The best candidate's id (optimize: best by mean validation score in the pool; eval: its only one), or null.</summary>
    public string? BestCandidate { get; init; }

    /// <summary>The verdict of the run's paired comparison (the holdout check of an optimization, or a compare's verdict), or null.</summary>
    public string? Verdict { get; init; }

    /// <summary>Reports present in the run folder (report.html, report.md, compare.html, compare.md, matrix.html), full paths.</summary>
    public required IReadOnlyList<string> Reports { get; init; }
}

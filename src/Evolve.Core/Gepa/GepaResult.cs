using Evolve.Core.Evaluation;
using Evolve.Core.Gepa.Search;
using Evolve.Core.Runs;
using Evolve.Core.Stats;

namespace Evolve.Core.Gepa;

/// <summary>What <c>evolve run</c> produced.</summary>
public sealed record GepaResult
{
    /// <summary>The run header.</summary>
    public required RunInfo Run { get; init; }

    /// <summary>The run folder.</summary>
    public required string RunDirectory { get; init; }

    /// <summary>The task model and how to name it.</summary>
    public required ModelHandle Model { get; init; }

    /// <summary>The seed candidate.</summary>
    public required Candidate Seed { get; init; }

    /// <summary>The best candidate by mean validation score.</summary>
    public required Candidate Best { get; init; }

    /// <summary>Mean validation score of the seed.</summary>
    public required double SeedValScore { get; init; }

    /// <summary>Mean validation score of the best.</summary>
    public required double BestValScore { get; init; }

    /// <summary>Seed (A) against best (B) on the holdout split, which the search never saw.</summary>
    public required PairedComparisonResult Holdout { get; init; }

    /// <summary>
    /// Every finalist against the seed on the holdout split, the best first (its comparison is
    /// <see cref="Holdout"/>), with Holm-corrected p-values across them.
    /// </summary>
    public required IReadOnlyList<HoldoutFinalist> Finalists { get; init; }

    /// <summary>Generations run.</summary>
    public required int Generations { get; init; }

    /// <summary>Rollouts spent, holdout included.</summary>
    public required int Spent { get; init; }

    /// <summary>The budget.</summary>
    public required int Budget { get; init; }

    /// <summary>Rollouts racing saved.</summary>
    public required int RacingSaved { get; init; }

    /// <summary>Why the search stopped.</summary>
    public required string StopReason { get; init; }

    /// <summary>True when this invocation resumed an earlier, interrupted run.</summary>
    public required bool Resumed { get; init; }

    /// <summary>The re-validation behind the final pick; null when the search's own best was taken (re-validation off or unaffordable).</summary>
    public FinalPickResult? FinalPick { get; init; }

    /// <summary>Fresh validation repeats per case the final pick used.</summary>
    public int RevalidateRepeats { get; init; }
}

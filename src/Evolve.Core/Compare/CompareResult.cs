using Evolve.Core.Evaluation;
using Evolve.Core.Runs;
using Evolve.Core.Stats;
using Evolve.Core.Suites;

namespace Evolve.Core.Compare;

/// <summary>What <c>evolve compare</c> produced: both sides, every case pairing, the statistics and the reports written.</summary>
public sealed record CompareResult
{
    /// <summary>The compare run's header (kind compare).</summary>
    public required RunInfo Run { get; init; }

    /// <summary>The run folder.</summary>
    public required string RunDirectory { get; init; }

    /// <summary>The suite.</summary>
    public required Suite Suite { get; init; }

    /// <summary>The split compared: train, val, holdout or all.</summary>
    public required string Split { get; init; }

    /// <summary>Repeats per case for each side.</summary>
    public required int Repeat { get; init; }

    /// <summary>Side A, the baseline.</summary>
    public required ResolvedCandidate A { get; init; }

    /// <summary>Side B, the challenger; differences are B - A.</summary>
    public required ResolvedCandidate B { get; init; }

    /// <summary>What every output calls A and B: <c>seed</c>, <c>best</c> or the references as given (see <see cref="SideNames"/>).</summary>
    public (string A, string B) Names => SideNames.Of(A, B);

    /// <summary>The model both sides ran through.</summary>
    public required ModelHandle Model { get; init; }

    /// <summary>The sandbox level for code, or null when the suite runs none.</summary>
    public string? Sandbox { get; init; }

    /// <summary>One pairing per case, in suite order.</summary>
    public required IReadOnlyList<CaseComparison> Cases { get; init; }

    /// <summary>The paired statistics and verdict.</summary>
    public required PairedComparisonResult Statistics { get; init; }

    /// <summary>The bootstrap seed.</summary>
    public int Seed { get; init; }

    /// <summary>True when this invocation continued an interrupted compare run with the same options.</summary>
    public bool Resumed { get; init; }

    /// <summary>Rollouts run by this invocation (the rest were reused from the run).</summary>
    public int NewRollouts { get; init; }

    /// <summary>Full paths of the reports written (compare.md and compare.html in the run folder, then in the output folder if any).</summary>
    public IReadOnlyList<string> Reports { get; init; } = [];
}

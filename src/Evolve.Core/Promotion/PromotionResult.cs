using System.Text.Json.Nodes;
using Evolve.Core.Evaluation;
using Evolve.Core.Runs;
using Evolve.Core.Stats;
using Evolve.Kernel.Library;

namespace Evolve.Core.Promotion;

/// <summary>What <see cref="PromotionJob"/> did: every gate run, the evidence, and the ledger line when it promoted.</summary>
public sealed record PromotionResult
{
    /// <summary>The run the candidate came from.</summary>
    public required RunInfo Run { get; init; }

    /// <summary>The agent promoted into.</summary>
    public required string Agent { get; init; }

    /// <summary>The candidate.</summary>
    public required Candidate Candidate { get; init; }

    /// <summary>The model of the holdout comparison (the run's).</summary>
    public required ModelHandle Model { get; init; }

    /// <summary>The live version compared against, or null before the library was initialized (the live files as they are).</summary>
    public int? LiveVersion { get; init; }

    /// <summary>The gates run, in order; a gate after a failing one is not run.</summary>
    public required IReadOnlyList<GateResult> Gates { get; init; }

    /// <summary>The holdout comparison (B is the candidate, A live), or null when an earlier gate failed.</summary>
    public PairedComparisonResult? Holdout { get; init; }

    /// <summary>Evidence keyed by model URI, as recorded in the version.</summary>
    public required JsonObject Evidence { get; init; }

    /// <summary>The ledger line of the promotion, or null when a gate failed (nothing changed).</summary>
    public LedgerEntry? Promoted { get; init; }

    /// <summary>The first failing gate, or null.</summary>
    public GateResult? FailedGate => Gates.FirstOrDefault(g => !g.Passed);
}

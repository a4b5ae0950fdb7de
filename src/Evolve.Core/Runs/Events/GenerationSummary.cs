namespace Evolve.Core.Runs.Events;

/// <summary>What one generation did, printed live and stored in the run (the "generation" event, and the <c>generations</c> table).</summary>
public sealed record GenerationSummary : IRunEvent
{
    /// <inheritdoc/>
    public static string Kind => "generation";

    /// <summary>Generation number (0 = the seed's validation).</summary>
    public required int Generation { get; init; }

    /// <summary>Rollouts spent so far, of the budget.</summary>
    public required int Spent { get; init; }

    /// <summary>The budget.</summary>
    public required int Budget { get; init; }

    /// <summary>Best mean validation score so far.</summary>
    public required double BestScore { get; init; }

    /// <summary>Short id of the best candidate.</summary>
    public required string BestId { get; init; }

    /// <summary>Pareto front size (survivors).</summary>
    public required int FrontSize { get; init; }

    /// <summary>Candidates in the pool.</summary>
    public required int PoolSize { get; init; }

    /// <summary>Children proposed this generation.</summary>
    public int Proposed { get; init; }

    /// <summary>Children that beat their parent on the minibatch.</summary>
    public int Accepted { get; init; }

    /// <summary>Children that did not.</summary>
    public int Rejected { get; init; }

    /// <summary>Children refused by the guards before any rollout.</summary>
    public int Guarded { get; init; }

    /// <summary>Children stopped early in validation because they could no longer match their parent.</summary>
    public int Raced { get; init; }

    /// <summary>Rollouts racing saved this generation.</summary>
    public int RacingSaved { get; init; }

    /// <summary>Merges tried and accepted this generation.</summary>
    public int Merged { get; init; }

    /// <summary>Combinations of sibling edits that joined the pool this generation (<c>--combine</c>; 0 in older runs).</summary>
    /// <remarks>Left out of the JSON when 0, so a run without <c>--combine</c> writes the rows it always wrote.</remarks>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public int Combined { get; init; }
}

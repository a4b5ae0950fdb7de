namespace Evolve.Core.Runs;

/// <summary>One line of <c>evolve runs list</c>: a run folder summarized, or why it could not be read.</summary>
public sealed record RunListing
{
    /// <summary>Run id (the folder name).</summary>
    public required string Id { get; init; }

    /// <summary>The run folder.</summary>
    public required string Directory { get; init; }

    /// <summary>optimize, eval or compare; "?" when unreadable.</summary>
    public string Kind { get; init; } = "?";

    /// <summary>Suite name; "" when unreadable.</summary>
    public string Suite { get; init; } = "";

    /// <summary>Agent name; "" when unreadable.</summary>
    public string Agent { get; init; } = "";

    /// <summary>Model URI; "" when unreadable.</summary>
    public string Model { get; init; } = "";

    /// <summary>True when the model is the offline simulator.</summary>
    public bool Simulated { get; init; }

    /// <summary>running, finished, interrupted, failed or unreadable (see <see cref="RunCatalog.Unreadable"/>).</summary>
    public required string Status { get; init; }

    /// <summary>Why the status differs from what is stored (a dead process), or why the run is unreadable; else null.</summary>
    public string? Note { get; init; }

    /// <summary>Start time, or null when unreadable.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>Finish time minus start (or now minus start while running), or null.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Rollouts stored.</summary>
    public int Rollouts { get; init; }

    /// <summary>The rollout budget of an optimization run, else null.</summary>
    public int? Budget { get; init; }

    /// <summary>
    /// The headline score: best mean validation score of the pool (optimize), mean case score
    /// (eval) or mean difference B - A (compare); null when there is none yet.
    /// </summary>
    public double? Score { get; init; }

    /// <summary>What <see cref="Score"/> is: one of <see cref="RunScoreKind"/>'s tokens.</summary>
    public string ScoreKind { get; init; } = "";
}

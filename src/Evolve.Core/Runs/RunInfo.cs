namespace Evolve.Core.Runs;

/// <summary>The header of a run: what was run, against what, with which model, and how it ended.</summary>
public sealed record RunInfo
{
    /// <summary>Run id (also its folder name under <c>runs/</c>).</summary>
    public required string Id { get; init; }

    /// <summary>eval or optimize.</summary>
    public required string Kind { get; init; }

    /// <summary>Suite name.</summary>
    public required string Suite { get; init; }

    /// <summary>Suite content hash at the time of the run.</summary>
    public required string SuiteHash { get; init; }

    /// <summary>Agent name.</summary>
    public required string Agent { get; init; }

    /// <summary>Model URI.</summary>
    public required string Model { get; init; }

    /// <summary>True when the model is the offline simulator: its scores are synthetic.</summary>
    public required bool Simulated { get; init; }

    /// <summary>The options the run was started with, as JSON.</summary>
    public required string OptionsJson { get; init; }

    /// <summary>running, finished, interrupted or failed.</summary>
    public string Status { get; init; } = RunStatus.Running;

    /// <summary>Start time (UTC, ISO 8601).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>End time, or null while running.</summary>
    public DateTimeOffset? FinishedAt { get; init; }
}

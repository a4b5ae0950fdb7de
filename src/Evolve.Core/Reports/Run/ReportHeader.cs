namespace Evolve.Core.Reports.Run;

/// <summary>What was run, with which model, how far it got and why it stopped.</summary>
internal sealed record ReportHeader
{
    public required string RunId { get; init; }

    /// <summary>eval or optimize.</summary>
    public required string Kind { get; init; }

    public required string Suite { get; init; }

    public required string Agent { get; init; }

    public required string Model { get; init; }

    public required bool Simulated { get; init; }

    /// <summary>running, finished, interrupted or failed.</summary>
    public required string Status { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Start to finish, or to the last stored rollout while running.</summary>
    public required TimeSpan WallTime { get; init; }

    /// <summary>Rollouts stored (each distinct candidate, case and repeat once).</summary>
    public required int Spent { get; init; }

    /// <summary>The rollout budget, when the run had one.</summary>
    public int? Budget { get; init; }

    public required string StopReason { get; init; }

    /// <summary>The seed's id (the first candidate), or null when there is none.</summary>
    public string? SeedId { get; init; }

    /// <summary>The best candidate's id, or null when there is none.</summary>
    public string? BestId { get; init; }

    /// <summary><c>model: sim (offline simulator, scores are synthetic)</c> for the simulator, <c>model: URI</c> otherwise.</summary>
    public string ModelLine => Simulated ? $"model: {Model} ({ModelLabel.SimulatorNote})" : $"model: {Model}";
}

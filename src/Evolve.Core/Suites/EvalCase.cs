namespace Evolve.Core.Suites;

/// <summary>
/// One test case of a suite.
/// </summary>
public sealed record EvalCase
{
    /// <summary>Unique id within the suite.</summary>
    public required string Id { get; init; }

    /// <summary>Template variables for the agent's task template. Values are strings, numbers, booleans, lists or maps.</summary>
    public IReadOnlyDictionary<string, object?> Vars { get; init; } = new Dictionary<string, object?>();

    /// <summary>
    /// The reference answer (or reference solution for code). Used by <c>--check-references</c>
    /// and as the simulator's oracle; never shown to a real model.
    /// </summary>
    public string? Expected { get; init; }

    /// <summary>The case's own assertions (the suite's defaults are added by the scorer).</summary>
    public IReadOnlyList<AssertionSpec> Assertions { get; init; } = [];

    /// <summary>Explicit split, or null to be assigned by the suite's seeded ratio.</summary>
    public Split? Split { get; init; }

    /// <summary>Free-form tags; also cues for the simulator.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Hints: short phrases naming what a good answer must handle; cues for the simulator and context for reflection.</summary>
    public IReadOnlyList<string> Hints { get; init; } = [];

    /// <summary>0 (trivial) to 1 (very hard); default 0.5.</summary>
    public double Difficulty { get; init; } = 0.5;

    /// <summary>Free-form metadata (from <c>metadata:</c> or <c>__metadata:key</c> columns).</summary>
    public IReadOnlyDictionary<string, object?> Metadata { get; init; } = new Dictionary<string, object?>();

    /// <summary>Human description, or null.</summary>
    public string? Description { get; init; }

    /// <summary>Pass threshold for the weighted case score; null means every assertion must pass.</summary>
    public double? Threshold { get; init; }

    /// <summary>Where the case was written.</summary>
    public required SourceLocation Source { get; init; }
}

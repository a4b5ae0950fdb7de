namespace Evolve.Core.Suites;

/// <summary>The contents of a <c>suite.yaml</c>, checked but with its case files not yet read.</summary>
internal sealed record SuiteDefinition
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? Agent { get; init; }

    /// <summary>Case file entries (paths or globs relative to the suite folder) with their lines; null when <c>cases:</c> is absent.</summary>
    public IReadOnlyList<(string Pattern, int Line)>? CaseEntries { get; init; }

    public IReadOnlyList<AssertionSpec> DefaultAssertions { get; init; } = [];

    public SplitRatio Split { get; init; } = SplitRatio.Default;

    public int Repeat { get; init; } = 1;

    /// <summary>The models <c>eval</c> runs the suite on when none is given (<c>models:</c>); empty for the agent's own.</summary>
    public IReadOnlyList<string> Models { get; init; } = [];

    /// <summary>Metrics computed from named metrics (<c>derived_metrics:</c>).</summary>
    public IReadOnlyList<DerivedMetric> DerivedMetrics { get; init; } = [];

    /// <summary>The most repeats a suite may ask for.</summary>
    public const int MaxRepeat = 1000;
}

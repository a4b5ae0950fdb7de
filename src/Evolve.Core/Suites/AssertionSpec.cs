namespace Evolve.Core.Suites;

/// <summary>
/// One assertion as written in a suite, before it is bound to a scorer.
/// </summary>
/// <param name="Type">Assertion type without the <c>not-</c> prefix, lower case (for example <c>contains</c>).</param>
/// <param name="Negate">True when written with the <c>not-</c> prefix.</param>
/// <param name="Value">The value: a string, a number, a list or a map (JSON schema), as parsed from YAML/JSON/CSV.</param>
/// <param name="Threshold">Pass threshold for graded types, or null for the type's default.</param>
/// <param name="Weight">Weight in the case score (default 1; 0 means reported but not counted).</param>
/// <param name="Metric">Named metric this assertion reports under, or null.</param>
/// <param name="Source">Where it was written, for error messages.</param>
public sealed record AssertionSpec(
    string Type,
    bool Negate,
    object? Value,
    double? Threshold,
    double Weight,
    string? Metric,
    SourceLocation Source)
{
    /// <summary>
    /// promptfoo's <c>transform</c>: JavaScript run on the answer (as <c>output</c>) before this
    /// assertion checks it, or null.
    /// </summary>
    public string? Transform { get; init; }

    /// <summary>The type as written, with <c>not-</c> when negated.</summary>
    public string DisplayType => Negate ? "not-" + Type : Type;
}

namespace Evolve.Core.Suites;

/// <summary>How strictly <see cref="SuiteLoader"/> reads a suite.</summary>
public sealed record SuiteLoadOptions
{
    /// <summary>The options for a suite that is about to be scored (the default).</summary>
    public static SuiteLoadOptions ForScoring { get; } = new();

    /// <summary>
    /// The options for reading a suite without scoring it (import, inspection): assertion types
    /// that Evolve knows but cannot score (<see cref="Scoring.AssertionTypes.Unsupported"/>, such as
    /// <c>llm-rubric</c>) are kept instead of reported as errors.
    /// </summary>
    public static SuiteLoadOptions ForInspection { get; } = new() { AllowUnsupportedAssertions = true };

    /// <summary>
    /// When true, assertions of a type in <see cref="Scoring.AssertionTypes.Unsupported"/> are kept;
    /// when false (default) each is an error that says why it cannot be scored.
    /// </summary>
    public bool AllowUnsupportedAssertions { get; init; }
}

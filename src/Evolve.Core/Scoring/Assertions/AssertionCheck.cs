namespace Evolve.Core.Scoring.Assertions;

/// <summary>
/// The outcome of an assertion's positive check, before a <c>not-</c> prefix is applied.
/// </summary>
/// <param name="Value">Score of the positive check in [0, 1].</param>
/// <param name="Passed">Whether the positive check passed.</param>
/// <param name="Explanation">
/// Feedback for the verdict that fails: when the assertion is not negated, why the check failed;
/// when it is negated, why the answer wrongly satisfies it. Null when the final verdict passes.
/// </param>
/// <param name="Diagnostic">A detail for a human (bad suite data, a limit hit), or null.</param>
/// <param name="Invertible">False for bad data: a broken check scores 0 even under <c>not-</c>.</param>
internal readonly record struct AssertionCheck(
    double Value,
    bool Passed,
    string? Explanation,
    string? Diagnostic = null,
    bool Invertible = true)
{
    /// <summary>A check that could not run because of bad data; it fails whether negated or not.</summary>
    public static AssertionCheck Broken(string explanation, string diagnostic) => new(0, false, explanation, diagnostic, Invertible: false);

    /// <summary>A pass/fail check; <paramref name="explanation"/> is used only when the final verdict fails.</summary>
    public static AssertionCheck Binary(bool passed, string? explanation) => new(passed ? 1 : 0, passed, explanation);
}

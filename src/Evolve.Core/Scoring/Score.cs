namespace Evolve.Core.Scoring;

/// <summary>
/// The verdict of one assertion, or of a whole case.
/// </summary>
/// <param name="Value">Score in [0, 1].</param>
/// <param name="Pass">Whether it passed (its threshold, or the case threshold).</param>
/// <param name="Feedback">Text written for a reflection model: what was expected, what came, what to change.</param>
/// <param name="Diagnostics">Details for a human (parse errors, sandbox limits hit); may be empty.</param>
public sealed record Score(double Value, bool Pass, string Feedback, IReadOnlyList<string> Diagnostics)
{
    /// <summary>A failing score of 0 with the given feedback.</summary>
    public static Score Fail(string feedback, params string[] diagnostics) => new(0, false, feedback, diagnostics);

    /// <summary>A passing score of 1 with the given feedback.</summary>
    public static Score Ok(string feedback) => new(1, true, feedback, []);
}

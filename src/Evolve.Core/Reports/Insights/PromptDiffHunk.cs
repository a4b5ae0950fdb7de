namespace Evolve.Core.Reports.Insights;

/// <summary>
/// A group of changed lines with up to <see cref="PromptDiff.ContextLines"/> unchanged lines of
/// context on each side, as in a unified diff.
/// </summary>
/// <param name="OldStart">1-based first line in the text before (0 when the hunk covers no old line).</param>
/// <param name="OldCount">Lines of the text before that the hunk covers.</param>
/// <param name="NewStart">1-based first line in the text after (0 when the hunk covers no new line).</param>
/// <param name="NewCount">Lines of the text after that the hunk covers.</param>
/// <param name="Lines">The aligned lines, context included.</param>
public sealed record PromptDiffHunk(int OldStart, int OldCount, int NewStart, int NewCount, IReadOnlyList<PromptDiffLine> Lines);

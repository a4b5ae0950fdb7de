using Evolve.Kernel.Diffs;

namespace Evolve.Core.Reports.Insights;

/// <summary>The line-level comparison of two prompt texts, with word-level detail inside modified lines.</summary>
/// <param name="Lines">Every line of both texts, aligned, in order.</param>
/// <param name="Hunks">The changed regions with context; empty when the texts are identical.</param>
/// <param name="AddedLines">Lines only in the text after.</param>
/// <param name="RemovedLines">Lines only in the text before.</param>
/// <param name="ChangedLines">Lines present in both with some words changed.</param>
public sealed record PromptDiffResult(
    IReadOnlyList<PromptDiffLine> Lines,
    IReadOnlyList<PromptDiffHunk> Hunks,
    int AddedLines,
    int RemovedLines,
    int ChangedLines)
{
    /// <summary>True when the texts have the same lines (line endings CRLF versus LF are not a difference).</summary>
    public bool Identical => AddedLines == 0 && RemovedLines == 0 && ChangedLines == 0;

    /// <summary>The same hunks as plain line changes (a modified line as its old and new line), for the unified text.</summary>
    internal IReadOnlyList<DiffHunk> LineHunks { get; init; } = [];
}

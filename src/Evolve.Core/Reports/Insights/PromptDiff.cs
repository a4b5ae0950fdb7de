using DiffPlex;

namespace Evolve.Core.Reports.Insights;

/// <summary>
/// Compares two prompt texts (Scriban templates, heuristics.yaml) line by line, with word-level
/// detail inside lines that changed, and renders the result for the HTML and Markdown reports.
/// Line endings are not a difference: CRLF, CR and LF text with the same lines is identical.
/// </summary>
public static class PromptDiff
{
    /// <summary>Unchanged lines kept on each side of a change in hunks and renderings (3, as in <c>diff -u</c>).</summary>
    public const int ContextLines = 3;

    /// <summary>Compares <paramref name="before"/> with <paramref name="after"/>.</summary>
    /// <exception cref="ArgumentNullException">Either text is null.</exception>
    public static PromptDiffResult Compute(string before, string after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var result = Differ.Instance.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, PromptLineChunker.Instance);
        var lines = new List<PromptDiffLine>();
        var oldAt = 0;
        var newAt = 0;
        foreach (var block in result.DiffBlocks)
        {
            for (; oldAt < block.DeleteStartA; oldAt++, newAt++)
            {
                lines.Add(new PromptDiffLine(PromptDiffChange.Unchanged, oldAt + 1, newAt + 1, result.PiecesOld[oldAt], result.PiecesNew[newAt], []));
            }

            for (var i = 0; i < Math.Max(block.DeleteCountA, block.InsertCountB); i++)
            {
                var oldLine = i < block.DeleteCountA ? result.PiecesOld[oldAt] : null;
                var newLine = i < block.InsertCountB ? result.PiecesNew[newAt] : null;
                var segments = oldLine is not null && newLine is not null ? PromptWordDiff.Segments(oldLine, newLine) : [];
                if (PromptWordDiff.Related(segments))
                {
                    lines.Add(new PromptDiffLine(PromptDiffChange.Modified, ++oldAt, ++newAt, oldLine, newLine, segments));
                    continue;
                }

                if (oldLine is not null)
                {
                    lines.Add(new PromptDiffLine(PromptDiffChange.Deleted, ++oldAt, null, oldLine, null, []));
                }

                if (newLine is not null)
                {
                    lines.Add(new PromptDiffLine(PromptDiffChange.Inserted, null, ++newAt, null, newLine, []));
                }
            }
        }

        for (; oldAt < result.PiecesOld.Count; oldAt++, newAt++)
        {
            lines.Add(new PromptDiffLine(PromptDiffChange.Unchanged, oldAt + 1, newAt + 1, result.PiecesOld[oldAt], result.PiecesNew[newAt], []));
        }

        return new PromptDiffResult(
            lines,
            PromptDiffHunks.Group(lines, ContextLines),
            lines.Count(l => l.Change == PromptDiffChange.Inserted),
            lines.Count(l => l.Change == PromptDiffChange.Deleted),
            lines.Count(l => l.Change == PromptDiffChange.Modified));
    }

    /// <summary>
    /// An HTML fragment: a <c>&lt;pre class="diff"&gt;</c> with inserted text in
    /// <c>&lt;span class="ins"&gt;</c> and deleted text in <c>&lt;span class="del"&gt;</c>, every
    /// character of the prompts escaped, and runs of unchanged lines beyond the context collapsed
    /// into a "…N unchanged lines…" marker. Lines start with "+ " (inserted), "- " (deleted),
    /// "~ " (modified: one line, its old and new words in del and ins spans) or two spaces, so the
    /// change reads without colour too. Identical texts give a one-line "No changes." note instead.
    /// </summary>
    public static string ToHtml(PromptDiffResult diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        return PromptDiffHtml.Render(diff, ContextLines);
    }

    /// <summary>
    /// A unified diff (<c>--- before</c>, <c>+++ after</c>, <c>@@</c> hunks) for a Markdown
    /// <c>```diff</c> block; a modified line appears as its old line removed and its new line added.
    /// Empty when the texts are identical. Lines end with LF.
    /// </summary>
    public static string ToUnified(PromptDiffResult diff, string labelBefore, string labelAfter)
    {
        ArgumentNullException.ThrowIfNull(diff);
        ArgumentNullException.ThrowIfNull(labelBefore);
        ArgumentNullException.ThrowIfNull(labelAfter);
        return PromptDiffUnified.Render(diff, labelBefore, labelAfter);
    }
}

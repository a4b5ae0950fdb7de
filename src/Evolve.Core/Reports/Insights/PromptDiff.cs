using Evolve.Kernel.Diffs;

namespace Evolve.Core.Reports.Insights;

/// <summary>
/// Compares two prompt texts (Scriban templates, heuristics.yaml) line by line, with word-level
/// detail inside lines that changed, and renders the result for the HTML and Markdown reports.
/// Line endings are not a difference: CRLF, CR and LF text with the same lines is identical.
/// </summary>
public static class PromptDiff
{
    /// <summary>Unchanged lines kept on each side of a change in hunks and renderings (3, as in <c>diff -u</c>).</summary>
    public const int ContextLines = LineDiff.ContextLines;

    /// <summary>Compares <paramref name="before"/> with <paramref name="after"/>.</summary>
    /// <exception cref="ArgumentNullException">Either text is null.</exception>
    public static PromptDiffResult Compute(string before, string after)
    {
        var diffLines = LineDiff.Compare(before, after);
        var lines = new List<PromptDiffLine>();
        for (var i = 0; i < diffLines.Count;)
        {
            if (diffLines[i].Change == DiffChange.Unchanged)
            {
                var same = diffLines[i++];
                lines.Add(new PromptDiffLine(PromptDiffChange.Unchanged, same.OldNumber, same.NewNumber, same.Text, same.Text, []));
                continue;
            }

            // A run of changes is its deletions followed by its insertions (LineDiff.Compare).
            var deleted = Run(diffLines, ref i, DiffChange.Deleted);
            var inserted = Run(diffLines, ref i, DiffChange.Inserted);
            Pair(lines, deleted, inserted);
        }

        var hunks = LineDiff.Hunks(diffLines, ContextLines);
        return new PromptDiffResult(
            lines,
            PromptDiffHunks.Of(hunks, lines),
            lines.Count(l => l.Change == PromptDiffChange.Inserted),
            lines.Count(l => l.Change == PromptDiffChange.Deleted),
            lines.Count(l => l.Change == PromptDiffChange.Modified))
        {
            LineHunks = hunks,
        };
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
        return LineDiff.Unified(diff.LineHunks, labelBefore, labelAfter);
    }

    private static List<DiffLine> Run(IReadOnlyList<DiffLine> lines, ref int at, DiffChange change)
    {
        var run = new List<DiffLine>();
        for (; at < lines.Count && lines[at].Change == change; at++)
        {
            run.Add(lines[at]);
        }

        return run;
    }

    // The i-th deleted and the i-th inserted line of a run read as one modified line when they share a word.
    private static void Pair(List<PromptDiffLine> lines, List<DiffLine> deleted, List<DiffLine> inserted)
    {
        for (var i = 0; i < Math.Max(deleted.Count, inserted.Count); i++)
        {
            var old = i < deleted.Count ? deleted[i] : null;
            var @new = i < inserted.Count ? inserted[i] : null;
            var segments = old is not null && @new is not null ? PromptWordDiff.Segments(old.Text, @new.Text) : [];
            if (PromptWordDiff.Related(segments))
            {
                lines.Add(new PromptDiffLine(PromptDiffChange.Modified, old!.OldNumber, @new!.NewNumber, old.Text, @new.Text, segments));
                continue;
            }

            if (old is not null)
            {
                lines.Add(new PromptDiffLine(PromptDiffChange.Deleted, old.OldNumber, null, old.Text, null, []));
            }

            if (@new is not null)
            {
                lines.Add(new PromptDiffLine(PromptDiffChange.Inserted, null, @new.NewNumber, null, @new.Text, []));
            }
        }
    }
}

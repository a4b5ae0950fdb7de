using DiffPlex;
using DiffPlex.Chunkers;

namespace Evolve.Kernel.Diffs;

/// <summary>
/// The one text diff of Evolve (DiffPlex, Myers' algorithm): line by line, words inside a line, hunks
/// and unified-diff text. Line endings are not a difference: CRLF, CR and LF text with the same lines
/// compares equal.
/// </summary>
public static class LineDiff
{
    /// <summary>Unchanged lines kept on each side of a change in a hunk (3, as in <c>diff -u</c>).</summary>
    public const int ContextLines = 3;

    /// <summary>
    /// Every line of both texts in order; within each run of changes the deleted lines come before
    /// the inserted ones.
    /// </summary>
    /// <exception cref="ArgumentNullException">Either text is null.</exception>
    public static IReadOnlyList<DiffLine> Compare(string before, string after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var lines = new List<DiffLine>();
        Walk(before, after, LineChunker.Instance, (change, text, oldAt, newAt) => lines.Add(new DiffLine(
            change,
            change == DiffChange.Inserted ? null : oldAt + 1,
            change == DiffChange.Deleted ? null : newAt + 1,
            text)));
        return lines;
    }

    /// <summary>
    /// The words of <paramref name="oldLine"/> and <paramref name="newLine"/>: unchanged, deleted and
    /// inserted, neighbours of the same kind merged so a rendering needs few spans.
    /// </summary>
    /// <exception cref="ArgumentNullException">Either line is null.</exception>
    public static IReadOnlyList<DiffPiece> CompareWords(string oldLine, string newLine)
    {
        ArgumentNullException.ThrowIfNull(oldLine);
        ArgumentNullException.ThrowIfNull(newLine);
        var pieces = new List<DiffPiece>();
        Walk(oldLine, newLine, WordChunker.Instance, (change, text, _, _) =>
        {
            if (pieces.Count > 0 && pieces[^1].Change == change)
            {
                pieces[^1] = pieces[^1] with { Text = pieces[^1].Text + text };
                return;
            }

            pieces.Add(new DiffPiece(change, text));
        });
        return pieces;
    }

    /// <summary>
    /// The lines of <paramref name="text"/> as a reader sees them: CRLF, CR and LF all end a line, a
    /// final line ending does not start an extra empty line, and an empty text has no lines.
    /// </summary>
    public static string[] Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return [];
        }

        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var lines = normalized.Split('\n');
        return normalized.EndsWith('\n') ? lines[..^1] : lines;
    }

    /// <summary>
    /// The hunks of <paramref name="lines"/>: each change with <paramref name="context"/> unchanged
    /// lines around it, hunks whose contexts touch or overlap merged; empty when nothing changed.
    /// </summary>
    public static IReadOnlyList<DiffHunk> Hunks(IReadOnlyList<DiffLine> lines, int context = ContextLines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentOutOfRangeException.ThrowIfNegative(context);
        return DiffHunks.Group(lines, context);
    }

    /// <summary>
    /// A unified diff (<c>--- labelBefore</c>, <c>+++ labelAfter</c>, <c>@@</c> hunks), lines ending
    /// with LF; an empty string when nothing changed.
    /// </summary>
    public static string Unified(IReadOnlyList<DiffHunk> hunks, string labelBefore, string labelAfter, HunkRanges ranges = HunkRanges.Short)
    {
        ArgumentNullException.ThrowIfNull(hunks);
        ArgumentNullException.ThrowIfNull(labelBefore);
        ArgumentNullException.ThrowIfNull(labelAfter);
        return UnifiedDiff.Render(hunks, labelBefore, labelAfter, ranges);
    }

    private static void Walk(string before, string after, IChunker chunker, Action<DiffChange, string, int, int> emit)
    {
        var result = Differ.Instance.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, chunker);
        var oldAt = 0;
        var newAt = 0;
        foreach (var block in result.DiffBlocks)
        {
            for (; oldAt < block.DeleteStartA; oldAt++, newAt++)
            {
                emit(DiffChange.Unchanged, result.PiecesOld[oldAt], oldAt, newAt);
            }

            for (var i = 0; i < block.DeleteCountA; i++, oldAt++)
            {
                emit(DiffChange.Deleted, result.PiecesOld[oldAt], oldAt, newAt);
            }

            for (var i = 0; i < block.InsertCountB; i++, newAt++)
            {
                emit(DiffChange.Inserted, result.PiecesNew[newAt], oldAt, newAt);
            }
        }

        for (; oldAt < result.PiecesOld.Count; oldAt++, newAt++)
        {
            emit(DiffChange.Unchanged, result.PiecesOld[oldAt], oldAt, newAt);
        }
    }
}

using DiffPlex;
using DiffPlex.Chunkers;

namespace Evolve.Core.Reports.Insights;

/// <summary>Word-level comparison of one old line with one new line.</summary>
internal static class PromptWordDiff
{
    /// <summary>
    /// The segments of the pair: unchanged words, words only in the old line, words only in the new
    /// one, with neighbours of the same kind merged so a rendering needs few spans.
    /// </summary>
    public static IReadOnlyList<PromptDiffSegment> Segments(string oldLine, string newLine)
    {
        var result = Differ.Instance.CreateDiffs(oldLine, newLine, ignoreWhiteSpace: false, ignoreCase: false, WordChunker.Instance);
        var segments = new List<PromptDiffSegment>();
        var oldAt = 0;
        foreach (var block in result.DiffBlocks)
        {
            for (; oldAt < block.DeleteStartA; oldAt++)
            {
                Add(segments, PromptDiffChange.Unchanged, result.PiecesOld[oldAt]);
            }

            for (var i = 0; i < block.DeleteCountA; i++)
            {
                Add(segments, PromptDiffChange.Deleted, result.PiecesOld[block.DeleteStartA + i]);
            }

            for (var i = 0; i < block.InsertCountB; i++)
            {
                Add(segments, PromptDiffChange.Inserted, result.PiecesNew[block.InsertStartB + i]);
            }

            oldAt = block.DeleteStartA + block.DeleteCountA;
        }

        for (; oldAt < result.PiecesOld.Count; oldAt++)
        {
            Add(segments, PromptDiffChange.Unchanged, result.PiecesOld[oldAt]);
        }

        return segments;
    }

    /// <summary>
    /// True when the two lines share a word, so showing them as one modified line helps the reader;
    /// a line rewritten from scratch reads better as a deletion and an insertion.
    /// </summary>
    public static bool Related(IReadOnlyList<PromptDiffSegment> segments) =>
        segments.Any(s => s.Change == PromptDiffChange.Unchanged && s.Text.Any(char.IsLetterOrDigit));

    private static void Add(List<PromptDiffSegment> segments, PromptDiffChange change, string text)
    {
        if (segments.Count > 0 && segments[^1].Change == change)
        {
            segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
            return;
        }

        segments.Add(new PromptDiffSegment(change, text));
    }
}

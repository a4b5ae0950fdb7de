using Evolve.Kernel.Diffs;

namespace Evolve.Core.Reports.Insights;

/// <summary>Word-level comparison of one old line with one new line.</summary>
internal static class PromptWordDiff
{
    /// <summary>
    /// The segments of the pair: unchanged words, words only in the old line, words only in the new
    /// one, with neighbours of the same kind merged so a rendering needs few spans.
    /// </summary>
    public static IReadOnlyList<PromptDiffSegment> Segments(string oldLine, string newLine) =>
        [.. LineDiff.CompareWords(oldLine, newLine).Select(p => new PromptDiffSegment(Change(p.Change), p.Text))];

    /// <summary>
    /// True when the two lines share a word, so showing them as one modified line helps the reader;
    /// a line rewritten from scratch reads better as a deletion and an insertion.
    /// </summary>
    public static bool Related(IReadOnlyList<PromptDiffSegment> segments) =>
        segments.Any(s => s.Change == PromptDiffChange.Unchanged && s.Text.Any(char.IsLetterOrDigit));

    private static PromptDiffChange Change(DiffChange change) => change switch
    {
        DiffChange.Deleted => PromptDiffChange.Deleted,
        DiffChange.Inserted => PromptDiffChange.Inserted,
        _ => PromptDiffChange.Unchanged,
    };
}

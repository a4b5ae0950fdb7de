using System.Globalization;
using System.Text;

namespace Evolve.Kernel.Diffs;

/// <summary>Writes hunks as unified-diff text.</summary>
internal static class UnifiedDiff
{
    public static string Render(IReadOnlyList<DiffHunk> hunks, string labelBefore, string labelAfter, HunkRanges ranges)
    {
        if (hunks.Count == 0)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        text.Append("--- ").Append(labelBefore).Append('\n').Append("+++ ").Append(labelAfter).Append('\n');
        foreach (var hunk in hunks)
        {
            text.Append(CultureInfo.InvariantCulture, $"@@ -{Range(hunk.OldStart, hunk.OldCount, ranges)} +{Range(hunk.NewStart, hunk.NewCount, ranges)} @@\n");
            // Within a run of changes all removals come before all additions, as diff -u prints them,
            // even when a caller's hunk interleaves them (a modified line as its old and new line).
            var added = new List<string>();
            foreach (var line in hunk.Lines)
            {
                switch (line.Change)
                {
                    case DiffChange.Unchanged:
                        Flush(text, added);
                        text.Append(' ').Append(line.Text).Append('\n');
                        break;
                    case DiffChange.Deleted:
                        text.Append('-').Append(line.Text).Append('\n');
                        break;
                    default:
                        added.Add(line.Text);
                        break;
                }
            }

            Flush(text, added);
        }

        return text.ToString();
    }

    private static void Flush(StringBuilder text, List<string> added)
    {
        foreach (var line in added)
        {
            text.Append('+').Append(line).Append('\n');
        }

        added.Clear();
    }

    private static string Range(int start, int count, HunkRanges ranges) =>
        count == 1 && ranges == HunkRanges.Short
            ? start.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{start},{count}");
}

using System.Globalization;
using System.Text;

namespace Evolve.Core.Reports.Insights;

/// <summary>Writes a <see cref="PromptDiffResult"/> as unified-diff text.</summary>
internal static class PromptDiffUnified
{
    /// <summary>The unified diff, or an empty string when nothing changed.</summary>
    public static string Render(PromptDiffResult diff, string labelBefore, string labelAfter)
    {
        if (diff.Identical)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        text.Append("--- ").Append(labelBefore).Append('\n').Append("+++ ").Append(labelAfter).Append('\n');
        foreach (var hunk in diff.Hunks)
        {
            text.Append(CultureInfo.InvariantCulture, $"@@ -{Range(hunk.OldStart, hunk.OldCount)} +{Range(hunk.NewStart, hunk.NewCount)} @@\n");
            // Within a run of changes, all removals come before all additions, as diff -u prints them.
            var added = new List<string>();
            foreach (var line in hunk.Lines)
            {
                if (line.Change == PromptDiffChange.Unchanged)
                {
                    Flush(text, added);
                    text.Append(' ').Append(line.OldText).Append('\n');
                    continue;
                }

                if (line.OldText is not null)
                {
                    text.Append('-').Append(line.OldText).Append('\n');
                }

                if (line.NewText is not null)
                {
                    added.Add(line.NewText);
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

    // diff -u omits the count when it is 1.
    private static string Range(int start, int count) =>
        count == 1 ? start.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{start},{count}");
}

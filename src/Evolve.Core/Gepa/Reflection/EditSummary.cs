using System.Globalization;
using System.Text;

namespace Evolve.Core.Gepa.Reflection;

/// <summary>Describes a text edit in a few lines: counts, then the added and removed lines themselves.</summary>
public static class EditSummary
{
    // Longer texts fall back to a set difference: the exact diff costs O(n * m) memory.
    private const int MaxDiffLines = 500;

    /// <summary>
    /// For example <c>"+1 -0 lines\n+ Pay attention to: empty list."</c>: the number of lines added
    /// and removed, then up to six changed lines (each at most 120 characters) prefixed
    /// <c>+ </c> or <c>- </c>. Blank lines are not counted. <c>"no change"</c> when the texts match line for line.
    /// </summary>
    public static string Describe(string before, string after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var (removed, added) = Diff(Lines(before), Lines(after));
        if (removed.Count == 0 && added.Count == 0)
        {
            return "no change";
        }

        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"+{added.Count} -{removed.Count} lines"));
        var changed = added.Select(l => "+ " + l).Concat(removed.Select(l => "- " + l)).ToList();
        foreach (var line in changed.Take(ReflectionDefaults.SummaryLines))
        {
            text.Append('\n').Append(TextClip.Line(line, ReflectionDefaults.SummaryLineChars));
        }

        if (changed.Count > ReflectionDefaults.SummaryLines)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n(and {changed.Count - ReflectionDefaults.SummaryLines} more changed lines)");
        }

        return text.ToString();
    }

    private static string[] Lines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();

    /// <summary>Lines of <paramref name="a"/> not in a longest common subsequence with <paramref name="b"/>, and vice versa.</summary>
    private static (List<string> Removed, List<string> Added) Diff(string[] a, string[] b)
    {
        if (a.Length > MaxDiffLines || b.Length > MaxDiffLines)
        {
            var setA = a.ToHashSet(StringComparer.Ordinal);
            var setB = b.ToHashSet(StringComparer.Ordinal);
            return (a.Where(l => !setB.Contains(l)).ToList(), b.Where(l => !setA.Contains(l)).ToList());
        }

        // lcs[i, j] = length of the longest common subsequence of a[i..] and b[j..].
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var removed = new List<string>();
        var added = new List<string>();
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y])
            {
                x++;
                y++;
            }
            else if (lcs[x + 1, y] >= lcs[x, y + 1])
            {
                removed.Add(a[x++]);
            }
            else
            {
                added.Add(b[y++]);
            }
        }

        removed.AddRange(a[x..]);
        added.AddRange(b[y..]);
        return (removed, added);
    }
}

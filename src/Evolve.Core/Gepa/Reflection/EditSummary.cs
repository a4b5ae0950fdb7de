using System.Globalization;
using System.Text;
using Evolve.Kernel.Diffs;

namespace Evolve.Core.Gepa.Reflection;

/// <summary>Describes a text edit in a few lines: counts, then the added and removed lines themselves.</summary>
public static class EditSummary
{
    /// <summary>
    /// For example <c>"+1 -0 lines\n+ Pay attention to: empty list."</c>: the number of lines added
    /// and removed, then up to six changed lines (each at most 120 characters) prefixed
    /// <c>+ </c> or <c>- </c>. Blank lines are not counted. <c>"no change"</c> when the texts match line for line.
    /// </summary>
    public static string Describe(string before, string after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var lines = LineDiff.Compare(Normalized(before), Normalized(after));
        var removed = lines.Where(l => l.Change == DiffChange.Deleted).Select(l => l.Text).ToList();
        var added = lines.Where(l => l.Change == DiffChange.Inserted).Select(l => l.Text).ToList();
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

    // Blank lines and indentation are not an edit worth a line of the summary.
    private static string Normalized(string text) =>
        string.Join('\n', LineDiff.Split(text).Select(l => l.Trim()).Where(l => l.Length > 0));
}

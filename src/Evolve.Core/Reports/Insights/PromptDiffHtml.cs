using System.Globalization;
using System.Text;
using Evolve.Core.Reports.Html;

namespace Evolve.Core.Reports.Insights;

/// <summary>Writes a <see cref="PromptDiffResult"/> as an HTML fragment styled by <see cref="HtmlStyle"/>.</summary>
internal static class PromptDiffHtml
{
    /// <summary>The fragment; <paramref name="context"/> unchanged lines stay visible around each change.</summary>
    public static string Render(PromptDiffResult diff, int context)
    {
        if (diff.Identical)
        {
            return "<p class=\"muted\">No changes.</p>";
        }

        var lines = diff.Lines;
        var visible = Visible(lines, context);
        var html = new StringBuilder("<pre class=\"diff\">");
        var first = true;
        for (var i = 0; i < lines.Count;)
        {
            html.Append(first ? string.Empty : "\n");
            first = false;
            var hidden = 0;
            while (i + hidden < lines.Count && !visible[i + hidden])
            {
                hidden++;
            }

            // Collapsing a single line would save nothing: the marker takes a line too.
            if (hidden > 1)
            {
                html.Append(CultureInfo.InvariantCulture, $"<span class=\"muted\">…{hidden} unchanged lines…</span>");
                i += hidden;
                continue;
            }

            Line(html, lines[i]);
            i++;
        }

        return html.Append("</pre>").ToString();
    }

    private static bool[] Visible(IReadOnlyList<PromptDiffLine> lines, int context)
    {
        var visible = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Change == PromptDiffChange.Unchanged)
            {
                continue;
            }

            for (var j = Math.Max(0, i - context); j <= Math.Min(lines.Count - 1, i + context); j++)
            {
                visible[j] = true;
            }
        }

        return visible;
    }

    private static void Line(StringBuilder html, PromptDiffLine line)
    {
        switch (line.Change)
        {
            case PromptDiffChange.Inserted:
                html.Append("<span class=\"ins\">+ ").Append(HtmlPage.Escape(line.NewText)).Append("</span>");
                break;
            case PromptDiffChange.Deleted:
                html.Append("<span class=\"del\">- ").Append(HtmlPage.Escape(line.OldText)).Append("</span>");
                break;
            case PromptDiffChange.Modified:
                html.Append("~ ");
                foreach (var segment in line.Segments)
                {
                    Segment(html, segment);
                }

                break;
            default:
                html.Append("  ").Append(HtmlPage.Escape(line.OldText));
                break;
        }
    }

    private static void Segment(StringBuilder html, PromptDiffSegment segment)
    {
        var css = segment.Change switch
        {
            PromptDiffChange.Inserted => "ins",
            PromptDiffChange.Deleted => "del",
            _ => null,
        };
        html.Append(css is null ? string.Empty : $"<span class=\"{css}\">")
            .Append(HtmlPage.Escape(segment.Text))
            .Append(css is null ? string.Empty : "</span>");
    }
}

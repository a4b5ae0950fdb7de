using System.Text;
using Evolve.Core.Compare;
using Evolve.Core.Reports.Html;
using Evolve.Core.Reports.Insights;
using Evolve.Core.Stats;

namespace Evolve.Core.Reports.Compare;

/// <summary>compare.html: one self-contained page (inline CSS and SVG, no network) with the verdict, statistics, charts, cases and prompt diff.</summary>
public static class CompareHtml
{
    /// <summary>Renders the page.</summary>
    public static HtmlPage Render(CompareResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var s = result.Statistics;
        var (a, b) = result.Names;
        var banner = result.Model.Simulated ? ModelLabel.Line(result.Model) : null;
        var page = new HtmlPage($"Compare {a} vs {b} on {result.Suite.Name}", banner);

        var verdictClass = s.Verdict switch { Verdict.BBetter => "good", Verdict.ABetter => "bad", _ => "muted" };
        var verdict = new StringBuilder();
        verdict.Append("<div class=\"verdict\" data-verdict=\"").Append(s.Verdict).Append("\"><span class=\"").Append(verdictClass).Append("\">")
            .Append(HtmlPage.Escape(CompareWording.Headline(s, a, b))).Append("</span></div>\n<p>").Append(HtmlPage.Escape(s.Explanation)).Append("</p>");
        var notes = CompareWording.Notes(s, a, b);
        if (notes.Count > 0)
        {
            verdict.Append("<ul>").AppendJoin("", notes.Select(n => $"<li class=\"muted\">{HtmlPage.Escape(n)}</li>")).Append("</ul>");
        }

        page.Section("verdict", "Verdict", verdict.ToString());
        page.Section("setup", "What was compared", Table("kv", null,
        [
            ["baseline", CompareSides.Describe(result.A, a)],
            ["challenger", CompareSides.Describe(result.B, b)],
            ["suite", CompareSides.SuiteLine(result)],
            ["model", ModelLabel.Line(result.Model)],
            ["run", $"{result.Run.Id} ({result.RunDirectory})"],
            ["bootstrap seed", result.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture)],
        ]));
        page.Section("statistics", "Statistics", Table("kv stats", null, CompareWording.StatisticsRows(s, a, b).Select(r => new[] { r.Name, r.Value }).ToList()));
        page.Section("charts", "Differences",
            $"<h3>Per-case difference {HtmlPage.Escape(b)} - {HtmlPage.Escape(a)}</h3>\n" + CompareCharts.CaseDifferences(result.Cases, a, b)
            + "\n<h3>Mean difference and its paired bootstrap interval</h3>\n" + CompareCharts.DifferenceInterval(s, a, b));
        page.Section("cases", "Cases", CasesTable(result, a, b));
        page.Section("diff", $"Prompt diff ({a} to {b})", Diffs(result, a, b));
        return page;
    }

    private static string CasesTable(CompareResult result, string a, string b)
    {
        var rows = result.Cases.Select(c => new[]
        {
            c.CaseId, c.A.Case.Split?.ToString().ToLowerInvariant() ?? "", ScoreText.Score(c.A.MeanScore), ScoreText.Score(c.B.MeanScore),
            ScoreText.Signed(c.Difference), CompareWording.Pass(c.APass), CompareWording.Pass(c.BPass),
        }).ToList();
        return Table("cases", ["case", "split", $"{a} mean", $"{b} mean", "diff", $"pass {a}", $"pass {b}"], rows);
    }

    private static string Diffs(CompareResult result, string a, string b)
    {
        var changed = CompareSides.ChangedComponents(result);
        if (changed.Count == 0)
        {
            return $"<p class=\"muted\">{HtmlPage.Escape(a)} and {HtmlPage.Escape(b)} have identical texts.</p>";
        }

        var html = new StringBuilder();
        foreach (var (component, diff) in changed)
        {
            html.Append("<h3>").Append(HtmlPage.Escape(component)).Append("</h3>\n").Append(PromptDiff.ToHtml(diff)).Append('\n');
        }

        return html.ToString();
    }

    private static string Table(string cssClass, IReadOnlyList<string>? header, IReadOnlyList<string[]> rows)
    {
        var html = new StringBuilder();
        html.Append("<table class=\"").Append(cssClass).Append("\">");
        if (header is not null)
        {
            html.Append("<tr>").AppendJoin("", header.Select(h => $"<th>{HtmlPage.Escape(h)}</th>")).Append("</tr>");
        }

        foreach (var row in rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Length; i++)
            {
                var numeric = header is not null && i is >= 2 and <= 4;
                html.Append(numeric ? "<td class=\"num\">" : "<td>").Append(HtmlPage.Escape(row[i])).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        return html.Append("</table>").ToString();
    }
}

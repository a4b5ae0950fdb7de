using System.Globalization;
using System.Text;
using Evolve.Core.Evaluation.Matrix;
using Evolve.Core.Reports.Html;

namespace Evolve.Core.Reports.Matrix;

/// <summary>
/// The matrix as one page, promptfoo's table: a row per case, a column per prompt × model with the
/// verdict, score and start of the answer (the whole answer and the feedback on hover), then the
/// pass rate, mean score and named metrics per column, each column linking to its own run report.
/// The same page is written into every column's run folder as <c>matrix.html</c>, so any of the
/// runs leads to the whole matrix.
/// </summary>
public static class MatrixHtml
{
    /// <summary>The file name inside each column's run folder.</summary>
    public const string FileName = "matrix.html";

    private const int MaxCell = 160;

    /// <summary>Writes the page into every column's run folder; the paths written, in column order.</summary>
    public static IReadOnlyList<string> WriteAll(MatrixResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var page = Render(result);
        var paths = new List<string>();
        foreach (var directory in result.Columns.Select(c => c.Result.RunDirectory).Distinct(StringComparer.Ordinal))
        {
            var path = Path.Combine(directory, FileName);
            page.WriteTo(path);
            paths.Add(path);
        }

        return paths;
    }

    /// <summary>The page for <paramref name="result"/>.</summary>
    public static HtmlPage Render(MatrixResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var suite = result.Columns.Count > 0 ? result.Columns[0].Result.Suite.Name : "?";
        var page = new HtmlPage($"Matrix: {suite}", result.Simulated ? $"Some columns ran on sim ({ModelLabel.SimulatorNote})." : null)
            .Style(".cell{max-width:22em}.cell pre{white-space:pre-wrap;margin:2px 0;font-size:12px}");
        if (result.Columns.Count > 0)
        {
            var best = result.Columns.MaxBy(c => c.Result.Summary.MeanScore)!;
            page.Lead(string.Create(CultureInfo.InvariantCulture,
                $"{result.Columns.Count} columns × {result.Cases.Count} cases; best mean score {best.Result.Summary.MeanScore:0.000} by {best.Label}"));
        }

        page.Section("table", "Results", Table(result));
        page.Section("models", "Models", "<ul>" + string.Concat(result.Columns.Select(c => c.Result.Model).DistinctBy(m => m.Uri)
            .Select(m => $"<li>{HtmlPage.Escape(ModelLabel.Line(m))}</li>")) + "</ul>");
        return page;
    }

    private static string Table(MatrixResult result)
    {
        var html = new StringBuilder("<table><tr><th>case</th>");
        foreach (var column in result.Columns)
        {
            var report = Path.Combine("..", Path.GetFileName(column.Result.RunDirectory), "report.html");
            html.Append("<th><a href=\"").Append(HtmlPage.Escape(report.Replace('\\', '/'))).Append("\">").Append(HtmlPage.Escape(column.Label)).Append("</a></th>");
        }

        html.Append("</tr>\n");
        foreach (var evalCase in result.Cases)
        {
            html.Append("<tr><td>").Append(HtmlPage.Escape(evalCase.Id)).Append("</td>");
            foreach (var column in result.Columns)
            {
                html.Append(Cell(column.Cell(evalCase.Id)));
            }

            html.Append("</tr>\n");
        }

        Row(html, "pass rate", result.Columns.Select(c => c.Result.Summary.PassRate.ToString("P0", CultureInfo.InvariantCulture)));
        Row(html, "mean score", result.Columns.Select(c => c.Result.Summary.MeanScore.ToString("0.000", CultureInfo.InvariantCulture)));
        foreach (var metric in result.Columns.SelectMany(c => c.NamedMetrics.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            Row(html, metric, result.Columns.Select(c => c.NamedMetrics.TryGetValue(metric, out var v) ? v.ToString("0.000", CultureInfo.InvariantCulture) : ""));
        }

        return html.Append("</table>").ToString();
    }

    private static string Cell(Evaluation.CaseResult? cell)
    {
        if (cell is null || cell.Rollouts.Count == 0)
        {
            return "<td class=\"muted\">not run</td>";
        }

        var passed = cell.PassRate >= 1;
        var output = cell.Rollouts[0].Output;
        var shown = output.Length > MaxCell ? output[..MaxCell] + "…" : output;
        var feedback = cell.Rollouts.FirstOrDefault(r => !r.Score.Pass)?.Score.Feedback;
        var verdict = string.Create(CultureInfo.InvariantCulture, $"{(passed ? "PASS" : "FAIL")} {cell.MeanScore:0.00}");
        return $"<td class=\"cell\" title=\"{HtmlPage.Escape(feedback ?? output)}\"><span class=\"{(passed ? "good" : "bad")}\">{verdict}</span><pre>{HtmlPage.Escape(shown)}</pre></td>";
    }

    private static void Row(StringBuilder html, string label, IEnumerable<string> values)
    {
        html.Append("<tr><th>").Append(HtmlPage.Escape(label)).Append("</th>");
        foreach (var value in values)
        {
            html.Append("<td class=\"num\">").Append(HtmlPage.Escape(value)).Append("</td>");
        }

        html.Append("</tr>\n");
    }
}

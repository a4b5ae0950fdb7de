using System.Globalization;
using System.Text;
using Evolve.Core.Reports.Charts;
using Evolve.Core.Reports.Html;
using Evolve.Core.Reports.Insights;
using Evolve.Core.Runs;

namespace Evolve.Core.Reports.Run;

/// <summary>
/// The single-file HTML report: charts as inline SVG (each with <c>data-chart</c>), tables, prompt
/// diffs. The heatmap's "different only" view (shown for two or more candidates) is a CSS-only
/// checkbox, so the page has no script.
/// </summary>
internal static class RunReportHtml
{
    /// <summary>Rules only this page needs: heatmap colours, legends and scrolling.</summary>
    private static readonly string PageCss =
        HeatmapChart.Css() + ".hm-all,.hm-diff,.scroll{overflow:auto}.legend span{display:inline-block;margin-right:14px}.legend i{display:inline-block;width:10px;height:10px;margin-right:4px;vertical-align:middle}";

    /// <summary>The "different only" switch, for pages whose heatmap has two or more candidates.</summary>
    private const string DifferentOnlyCss = ".hm-diff{display:none}#diff-only:checked~.hm-all{display:none}#diff-only:checked~.hm-diff{display:block}";

    public static string Render(RunReport report)
    {
        var h = report.Header;
        var page = new HtmlPage($"Evolve run {h.RunId}", h.Simulated ? h.ModelLine : null).Style(PageCss);
        if (report.Heatmap.Count >= 2)
        {
            page.Style(DifferentOnlyCss);
        }

        if (report.Outcome is { } outcome)
        {
            page.Lead($"{outcome.Headline} {outcome.Basis}");
        }

        page.Section("summary", "Run", Summary(report));
        if (report.IsOptimization)
        {
            page.Section("verdict", "Holdout verdict", Verdict(report))
                .Section("progress", "Best validation score against rollouts spent", Progress(report))
                .Section("lineage", "Lineage", Lineage(report))
                .Section("pareto", "Pareto front", Pareto(report));
        }

        page.Section("heatmap", report.IsOptimization ? "Candidates × validation cases" : "Cases", Heatmap(report));
        if (report.IsOptimization)
        {
            page.Section("diffs", "Prompt changes along the best path", Diffs(report));
        }

        return page.Section("failures", "Failure clusters", Clusters(report))
            .Section("usage", "Model calls, tokens, latency, cache, errors", Usage(report.Usage))
            .ToString();
    }

    private static string Summary(RunReport report)
    {
        var h = report.Header;
        var best = report.Candidates.FirstOrDefault(c => c.IsBest);
        var seed = report.Candidates.Count > 0 ? report.Candidates[0] : null;
        var rows = new List<(string, string)>
        {
            ("suite", h.Suite), ("agent", h.Agent), (h.ModelLine.Split(':', 2)[0], h.ModelLine.Split(':', 2)[1].Trim()), ("run", h.RunId), ("kind", h.Kind), ("status", h.Status),
            ("rollouts", h.Budget is int b ? $"{h.Spent} of {b}" : $"{h.Spent}"), ("wall time", ReportFormat.Duration(h.WallTime)), ("stopped", h.StopReason),
        };
        if (report.IsOptimization && best is not null && seed is not null)
        {
            rows.Add(("validation", $"seed {ReportFormat.Score(seed.ValMean)} → best {ReportFormat.Score(best.ValMean)} ({best.ShortId}, {report.Candidates.Count} candidates)"));
        }

        var html = new StringBuilder("<table class=\"kv\">");
        foreach (var (key, value) in rows)
        {
            html.Append("<tr><td>").Append(HtmlPage.Escape(key)).Append("</td><td>").Append(HtmlPage.Escape(value)).Append("</td></tr>");
        }

        return html.Append("</table>").ToString();
    }

    private static string Verdict(RunReport report)
    {
        if (report.Finalists.Count == 0)
        {
            return "<p class=\"muted\">No holdout check stored: the run has not reached it.</p>";
        }

        var best = report.Finalists[0];
        var html = new StringBuilder("<p class=\"verdict\">").Append(HtmlPage.Escape(best.Explanation)).Append("</p>")
            .Append("<table><tr><th>finalist</th><th>val</th><th>holdout seed</th><th>holdout finalist</th><th>difference (95% CI)</th><th>p</th><th>Holm p</th><th>wins/ties/losses</th><th>verdict</th></tr>");
        foreach (var f in report.Finalists)
        {
            var css = f.Verdict switch { Stats.Verdict.BBetter => "good", Stats.Verdict.ABetter => "bad", _ => "muted" };
            html.Append("<tr><td><code>").Append(ShortId.Of(f.CandidateId)).Append("</code>").Append(f.Rank == 0 ? " (best)" : "").Append("</td>")
                .Append(Num(ReportFormat.Score(f.ValMean))).Append(Num(ReportFormat.Score(f.SeedMean))).Append(Num(ReportFormat.Score(f.FinalistMean)))
                .Append(Num(ReportFormat.Difference(f))).Append(Num(ReportFormat.P(f.PValue))).Append(Num(ReportFormat.P(f.HolmP)))
                .Append(Num($"{f.Wins}/{f.Ties}/{f.Losses}")).Append("<td class=\"").Append(css).Append("\">").Append(ReportFormat.VerdictText(f.Verdict)).Append("</td></tr>");
        }

        return html.Append("</table><p class=\"muted\">Each row: the seed against the finalist on the holdout cases the search never saw, case by case; Holm p corrects for checking several finalists.</p>").ToString();
    }

    private static string Progress(RunReport report) =>
        report.ScoreCurve.Count == 0
            ? "<p class=\"muted\">No candidate has finished validation yet.</p>"
            : StepChart.Render("score-vs-rollouts", report.ScoreCurve.Select(p => ((double)p.Rollouts, p.Best)).ToList(), report.Header.Budget ?? report.Header.Spent, report.Header.Spent, "rollouts spent", "best validation score");

    private static string Lineage(RunReport report)
    {
        var nodes = report.Candidates.Select(c => new LineageNode(c.Id, c.ShortId, c.Parents, c.Generation, c.Operator, c.Status, c.ValMean, c.OnBestPath)).ToList();
        var legend = new StringBuilder("<p class=\"legend\">");
        foreach (var (status, label) in new[] { (CandidateStatus.Pool, "accepted"), (CandidateStatus.Rejected, "rejected"), (CandidateStatus.Guarded, "guarded"), (CandidateStatus.Raced, "raced out"), (CandidateStatus.Unvalidated, "not validated") })
        {
            var count = report.Candidates.Count(c => c.Status == status);
            legend.Append("<span><i style=\"background:").Append(LineageChart.StatusColour(status)).Append("\"></i>").Append(label).Append(' ').Append(count).Append("</span>");
        }

        legend.Append("<span>■ seed ● reflect ◆ numeric ▲ merge; thick blue: the path to the best</span></p>");
        return "<div class=\"scroll\">" + LineageChart.Render(nodes) + "</div>" + legend;
    }

    private static string Pareto(RunReport report)
    {
        var pool = report.Candidates.Where(c => c.ValMean is not null && c.Status == CandidateStatus.Pool).ToList();
        var points = pool.Select(c => new ScatterPoint(c.PromptChars, c.ValMean!.Value,
            string.Create(CultureInfo.InvariantCulture, $"{c.ShortId}: val {c.ValMean:0.000}, {c.PromptChars} chars, best on {c.FrontCount} cases"), c.OnFront, c.IsBest)).ToList();
        var html = new StringBuilder(ScatterChart.Render("pareto", points, "prompt length (characters)", "mean validation score"));
        html.Append("<p class=\"muted\">Filled: on the per-case Pareto front (after pruning); ringed: the best. ").Append(pool.Count(c => c.OnFront)).Append(" of ").Append(pool.Count).Append(" accepted candidates are on the front.</p>")
            .Append("<table><tr><th>candidate</th><th>val</th><th>cases where best</th><th>characters</th><th>operator</th><th>gen</th></tr>");
        foreach (var c in pool.Where(c => c.OnFront).OrderByDescending(c => c.ValMean).Take(20))
        {
            html.Append("<tr><td><code>").Append(c.ShortId).Append("</code>").Append(c.IsBest ? " (best)" : "").Append("</td>").Append(Num(ReportFormat.Score(c.ValMean)))
                .Append(Num(c.FrontCount.ToString(CultureInfo.InvariantCulture))).Append(Num(c.PromptChars.ToString(CultureInfo.InvariantCulture)))
                .Append("<td>").Append(HtmlPage.Escape(c.Operator)).Append("</td>").Append(Num(c.Generation.ToString(CultureInfo.InvariantCulture))).Append("</tr>");
        }

        return html.Append("</table>").ToString();
    }

    private static string Heatmap(RunReport report)
    {
        if (report.Heatmap.Count == 0)
        {
            return "<p class=\"muted\">No scored rollouts yet.</p>";
        }

        var labels = report.Heatmap.Select(r => Label(report, r.CandidateId)).ToList();
        var all = "<div class=\"hm-all\">" + HeatmapChart.Render("heatmap", labels, report.Cases, report.Heatmap.Select(r => r.Scores).ToList()) + "</div>";
        const string legend = "<p class=\"muted\">Cells: mean score over repeats, red 0 · grey 0.5 · green 1.</p>";
        if (report.Heatmap.Count < 2)
        {
            // "Where the candidates differ" needs two candidates; with one the switch would only confuse.
            return all + legend;
        }

        var different = ReportFormat.DifferentColumns(report.Heatmap.Select(r => r.Scores).ToList(), report.Cases.Count);
        var note = report.Heatmap.Count < report.Candidates.Count(c => c.ValMean is not null)
            ? $"<p class=\"muted\">The {report.Heatmap.Count} best candidates are shown.</p>" : string.Empty;
        return new StringBuilder()
            .Append("<input type=\"checkbox\" id=\"diff-only\"><label for=\"diff-only\"> different only (").Append(different.Count).Append(" of ").Append(report.Cases.Count)
            .Append(" cases where the candidates' scores differ)</label>").Append(note)
            .Append(all)
            .Append("<div class=\"hm-diff\">")
            .Append(different.Count == 0
                ? "<p class=\"muted\">Every candidate scores the same on every case.</p>"
                : HeatmapChart.Render("heatmap-different", labels, different.Select(i => report.Cases[i]).ToList(), report.Heatmap.Select(r => different.Select(i => r.Scores[i]).ToArray()).ToList()))
            .Append("</div>").Append(legend).ToString();
    }

    private static string Label(RunReport report, string id)
    {
        var c = report.Candidates.FirstOrDefault(c => c.Id == id);
        return c is null ? ShortId.Of(id) : $"{c.ShortId[..8]} {ReportFormat.Score(c.ValMean)}{(c.IsBest ? " ★" : "")}";
    }

    private static string Diffs(RunReport report)
    {
        if (report.Diffs.Count == 0)
        {
            return "<p class=\"muted\">The best is the seed: nothing changed.</p>";
        }

        var html = new StringBuilder();
        foreach (var d in report.Diffs)
        {
            html.Append("<h3>").Append(HtmlPage.Escape($"{ShortId.Of(d.ParentId)} → {ShortId.Of(d.ChildId)} ({d.Operator}): {d.Component}")).Append("</h3>")
                .Append(PromptDiff.ToHtml(PromptDiff.Compute(d.Before, d.After)));
        }

        return html.ToString();
    }

    private static string Clusters(RunReport report)
    {
        if (report.Clusters.Count == 0)
        {
            return "<p class=\"muted\">No failures with feedback.</p>";
        }

        var html = new StringBuilder("<table><tr><th>cluster</th><th>failures</th><th>cases</th><th>candidates</th><th>examples</th></tr>");
        foreach (var c in report.Clusters)
        {
            html.Append("<tr><td>").Append(HtmlPage.Escape(c.Label)).Append("</td>").Append(Num(c.Count.ToString(CultureInfo.InvariantCulture)))
                .Append("<td>").Append(HtmlPage.Escape(ReportFormat.List(c.CaseIds, 6))).Append("</td>").Append(Num(c.CandidateCount.ToString(CultureInfo.InvariantCulture)))
                .Append("<td>").Append(string.Join("", c.Examples.Take(2).Select(e => "<pre>" + HtmlPage.Escape(ReportFormat.Clip(e, 240)) + "</pre>"))).Append("</td></tr>");
        }

        return html.Append("</table>").ToString();
    }

    private static string Usage(UsageSummary u)
    {
        var html = new StringBuilder("<table class=\"calls\"><tr>");
        foreach (var heading in UsageRows.Headings)
        {
            html.Append("<th>").Append(HtmlPage.Escape(heading)).Append("</th>");
        }

        html.Append("</tr>");
        foreach (var row in UsageRows.Rows(u))
        {
            html.Append("<tr><td>").Append(HtmlPage.Escape(row[0])).Append("</td>");
            foreach (var cell in row.Skip(1))
            {
                html.Append(Num(cell));
            }

            html.Append("</tr>");
        }

        html.Append("</table><p class=\"muted\">").Append(HtmlPage.Escape(UsageRows.Note(u))).Append("</p><table class=\"kv\">");
        foreach (var (key, value) in ReportFormat.UsageLines(u))
        {
            html.Append("<tr><td>").Append(HtmlPage.Escape(key)).Append("</td><td>").Append(HtmlPage.Escape(value)).Append("</td></tr>");
        }

        html.Append("</table>");
        if (u.TopErrors.Count > 0)
        {
            html.Append("<h3>Most frequent errors</h3><table><tr><th>error</th><th>rollouts</th></tr>");
            foreach (var (message, count) in u.TopErrors)
            {
                html.Append("<tr><td>").Append(HtmlPage.Escape(message)).Append("</td>").Append(Num(count.ToString(CultureInfo.InvariantCulture))).Append("</tr>");
            }

            html.Append("</table>");
        }

        return html.ToString();
    }

    private static string Num(string text) => "<td class=\"num\">" + HtmlPage.Escape(text) + "</td>";
}

using System.Text;
using Evolve.Core.Reports.Insights;

namespace Evolve.Core.Reports.Run;

/// <summary>
/// The summary for a pull request: header, holdout verdict table with Holm p, the best's change
/// against the seed as a <c>diff</c> block, the largest failure clusters and usage.
/// </summary>
internal static class RunReportMarkdown
{
    /// <summary>Failure clusters listed at most.</summary>
    public const int TopClusters = 5;

    public static string Render(RunReport report)
    {
        var h = report.Header;
        var md = new StringBuilder();
        md.Append("# Evolve run ").Append(h.RunId).Append("\n\n");
        if (report.Outcome is { } outcome)
        {
            md.Append("**").Append(outcome.Headline).Append("** ").Append(outcome.Basis).Append("\n\n");
        }

        if (h.Simulated)
        {
            md.Append("> **").Append(h.ModelLine).Append("**\n\n");
        }

        md.Append("| | |\n|---|---|\n");
        var seed = report.Candidates.Count > 0 ? report.Candidates[0] : null;
        var best = report.Candidates.FirstOrDefault(c => c.IsBest);
        Row(md, "suite", h.Suite);
        Row(md, "agent", h.Agent);
        Row(md, "model", h.ModelLine["model: ".Length..]);
        Row(md, "status", h.Status);
        Row(md, "rollouts", h.Budget is int b ? $"{h.Spent} of {b}" : $"{h.Spent}");
        Row(md, "wall time", ReportFormat.Duration(h.WallTime));
        Row(md, "stopped", h.StopReason);
        if (report.IsOptimization && seed is not null && best is not null)
        {
            Row(md, "validation", $"seed {ReportFormat.Score(seed.ValMean)} → best {ReportFormat.Score(best.ValMean)} (`{best.ShortId}`, {report.Candidates.Count} candidates)");
        }

        if (report.IsOptimization)
        {
            Verdict(md, report);
            BestDiff(md, report);
        }

        Clusters(md, report);
        md.Append("\n## Usage\n\n| ").Append(string.Join(" | ", UsageRows.Headings)).Append(" |\n|---|").Append(string.Concat(Enumerable.Repeat("---:|", UsageRows.Headings.Count - 1))).Append('\n');
        foreach (var row in UsageRows.Rows(report.Usage))
        {
            md.Append("| ").Append(string.Join(" | ", row.Select(Cell))).Append(" |\n");
        }

        md.Append('\n').Append(UsageRows.Note(report.Usage)).Append("\n\n");
        foreach (var (key, value) in ReportFormat.UsageLines(report.Usage))
        {
            md.Append("- ").Append(key).Append(": ").Append(value).Append('\n');
        }

        return md.ToString();
    }

    private static void Verdict(StringBuilder md, RunReport report)
    {
        md.Append("\n## Holdout verdict\n\n");
        if (report.Finalists.Count == 0)
        {
            md.Append("No holdout check stored: the run has not reached it.\n");
            return;
        }

        md.Append(report.Finalists[0].Explanation).Append("\n\n")
            .Append("| finalist | val | holdout seed | holdout finalist | difference (95% CI) | p | Holm p | W/T/L | verdict |\n")
            .Append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        foreach (var f in report.Finalists)
        {
            md.Append("| `").Append(ShortId.Of(f.CandidateId)).Append('`').Append(f.Rank == 0 ? " (best)" : "")
                .Append(" | ").Append(ReportFormat.Score(f.ValMean)).Append(" | ").Append(ReportFormat.Score(f.SeedMean)).Append(" | ").Append(ReportFormat.Score(f.FinalistMean))
                .Append(" | ").Append(ReportFormat.Difference(f)).Append(" | ").Append(ReportFormat.P(f.PValue)).Append(" | ").Append(ReportFormat.P(f.HolmP))
                .Append(" | ").Append(f.Wins).Append('/').Append(f.Ties).Append('/').Append(f.Losses).Append(" | ").Append(ReportFormat.VerdictText(f.Verdict)).Append(" |\n");
        }
    }

    private static void BestDiff(StringBuilder md, RunReport report)
    {
        md.Append("\n## Best against the seed\n\n");
        if (report.BestVsSeed.Count == 0)
        {
            md.Append("The best is the seed: nothing changed.\n");
            return;
        }

        foreach (var d in report.BestVsSeed)
        {
            var unified = PromptDiff.ToUnified(PromptDiff.Compute(d.Before, d.After), $"seed/{d.Component}", $"best/{d.Component}");
            md.Append(d == report.BestVsSeed[0] ? "" : "\n").Append("### ").Append(d.Component).Append("\n\n```diff\n").Append(unified.TrimEnd('\n')).Append("\n```\n");
        }
    }

    private static void Clusters(StringBuilder md, RunReport report)
    {
        md.Append("\n## Top failure clusters\n\n");
        if (report.Clusters.Count == 0)
        {
            md.Append("No failures with feedback.\n");
            return;
        }

        md.Append("| cluster | failures | cases | example |\n|---|---:|---|---|\n");
        foreach (var c in report.Clusters.Take(TopClusters))
        {
            md.Append("| ").Append(Cell(c.Label)).Append(" | ").Append(c.Count).Append(" | ").Append(Cell(ReportFormat.List(c.CaseIds, 4)))
                .Append(" | ").Append(Cell(ReportFormat.Clip(c.Examples.Count > 0 ? c.Examples[0] : "", 120))).Append(" |\n");
        }
    }

    private static void Row(StringBuilder md, string key, string value) => md.Append("| ").Append(key).Append(" | ").Append(Cell(value)).Append(" |\n");

    /// <summary>Table cells are one line and a pipe would end the cell.</summary>
    private static string Cell(string text) => text.Replace("\r", "", StringComparison.Ordinal).Replace('\n', ' ').Replace("|", "\\|", StringComparison.Ordinal);
}

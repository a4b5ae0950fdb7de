using System.Text;
using Evolve.Core.Compare;
using Evolve.Core.Reports.Insights;

namespace Evolve.Core.Reports.Compare;

/// <summary>compare.md: the comparison as Markdown, for pull requests and CI logs.</summary>
public static class CompareMarkdown
{
    /// <summary>Renders the report. Deterministic for a given result; lines end with LF.</summary>
    public static string Render(CompareResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var s = result.Statistics;
        var (a, b) = result.Names;
        var md = new StringBuilder();
        md.Append("# Compare ").Append(a).Append(" vs ").Append(b).Append(" on ").Append(result.Suite.Name).Append("\n\n");
        md.Append(ModelLabel.Line(result.Model)).Append("\n\n");
        md.Append("| | |\n|---|---|\n");
        md.Append("| baseline | ").Append(Cell(CompareSides.Describe(result.A, a))).Append(" |\n");
        md.Append("| challenger | ").Append(Cell(CompareSides.Describe(result.B, b))).Append(" |\n");
        md.Append("| suite | ").Append(Cell(CompareSides.SuiteLine(result))).Append(" |\n");
        md.Append("| run | ").Append(Cell(result.Run.Id)).Append(" |\n");
        md.Append("| bootstrap seed | ").Append(result.Seed).Append(" |\n\n");

        md.Append("## Verdict\n\n**").Append(CompareWording.Headline(s, a, b)).Append("**\n\n").Append(s.Explanation).Append('\n');
        var notes = CompareWording.Notes(s, a, b);
        if (notes.Count > 0)
        {
            md.Append('\n').AppendJoin("", notes.Select(n => $"- {n}\n"));
        }

        md.Append("\n## Statistics\n\n| statistic | value |\n|---|---:|\n");
        foreach (var (name, value) in CompareWording.StatisticsRows(s, a, b))
        {
            md.Append("| ").Append(name).Append(" | ").Append(Cell(value)).Append(" |\n");
        }

        md.Append("\n## Cases\n\n| case | split | ").Append(Cell(a)).Append(" mean | ").Append(Cell(b)).Append(" mean | diff | pass ").Append(Cell(a)).Append(" | pass ").Append(Cell(b))
            .Append(" |\n|---|---|---:|---:|---:|---|---|\n");
        foreach (var c in result.Cases)
        {
            md.Append("| ").Append(Cell(c.CaseId)).Append(" | ").Append(c.A.Case.Split?.ToString().ToLowerInvariant() ?? "").Append(" | ")
                .Append(ScoreText.Score(c.A.MeanScore)).Append(" | ").Append(ScoreText.Score(c.B.MeanScore)).Append(" | ")
                .Append(ScoreText.Signed(c.Difference)).Append(" | ").Append(CompareWording.Pass(c.APass)).Append(" | ")
                .Append(CompareWording.Pass(c.BPass)).Append(" |\n");
        }

        md.Append("\n## Prompt diff (").Append(a).Append(" to ").Append(b).Append(")\n\n");
        var changed = CompareSides.ChangedComponents(result);
        if (changed.Count == 0)
        {
            md.Append(a).Append(" and ").Append(b).Append(" have identical texts.\n");
        }

        foreach (var (component, diff) in changed)
        {
            md.Append("### ").Append(component).Append("\n\n```diff\n")
                .Append(PromptDiff.ToUnified(diff, $"{a}/{component}", $"{b}/{component}").Replace("```", "` ` `", StringComparison.Ordinal))
                .Append("```\n\n");
        }

        return md.ToString().TrimEnd('\n') + "\n";
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}

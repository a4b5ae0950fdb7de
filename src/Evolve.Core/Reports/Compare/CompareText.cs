using Evolve.Core.Compare;

namespace Evolve.Core.Reports.Compare;

/// <summary>The terminal summary of a comparison: model line first, the per-case table, the statistics, then the verdict in words.</summary>
public static class CompareText
{
    /// <summary>Most case rows printed; past it, the cases with the largest differences are shown.</summary>
    public const int MaxRows = 60;

    /// <summary>Writes the summary.</summary>
    public static void Write(CompareResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        var s = result.Statistics;
        writer.WriteLine(ModelLabel.Line(result.Model));
        writer.WriteLine($"A: {CompareSides.Describe(result.A)}");
        writer.WriteLine($"B: {CompareSides.Describe(result.B)}");
        writer.WriteLine($"suite: {CompareSides.SuiteLine(result)}" + (result.Sandbox is null ? "" : $"   sandbox: {result.Sandbox}"));
        writer.WriteLine($"run: {result.RunDirectory}" + (result.Resumed ? " (resumed)" : ""));
        writer.WriteLine();

        var shown = result.Cases.Count <= MaxRows
            ? result.Cases
            : result.Cases.OrderByDescending(c => Math.Abs(c.Difference)).ThenBy(c => c.CaseId, StringComparer.Ordinal).Take(MaxRows).ToList();
        var width = Math.Clamp(shown.Select(c => c.CaseId.Length).DefaultIfEmpty(4).Max(), 4, 40);
        writer.WriteLine($"{"case".PadRight(width)}  {"A mean",7}  {"B mean",7}  {"diff",7}  pass A/B");
        foreach (var c in shown)
        {
            var id = c.CaseId.Length > width ? c.CaseId[..(width - 1)] + "…" : c.CaseId.PadRight(width);
            writer.WriteLine($"{id}  {ScoreText.Score(c.A.MeanScore),7}  {ScoreText.Score(c.B.MeanScore),7}  {ScoreText.Signed(c.Difference),7}  {CompareWording.Pass(c.APass)}/{CompareWording.Pass(c.BPass)}");
        }

        if (shown.Count < result.Cases.Count)
        {
            writer.WriteLine($"({shown.Count} of {result.Cases.Count} cases shown: the largest differences; compare.md has all)");
        }

        writer.WriteLine();
        foreach (var (name, value) in CompareWording.StatisticsRows(s))
        {
            writer.WriteLine($"{name,-28} {value}");
        }

        writer.WriteLine();
        writer.WriteLine($"verdict: {CompareWording.Headline(s)}");
        writer.WriteLine($"  {s.Explanation}");
        foreach (var note in CompareWording.Notes(s))
        {
            writer.WriteLine($"  note: {note}");
        }
    }
}

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
        var (a, b) = result.Names;
        writer.WriteLine(ModelLabel.Line(result.Model));
        writer.WriteLine($"baseline:   {CompareSides.Describe(result.A, a)}");
        writer.WriteLine($"challenger: {CompareSides.Describe(result.B, b)}");
        writer.WriteLine($"suite: {CompareSides.SuiteLine(result)}" + (result.Sandbox is null ? "" : $"   sandbox: {result.Sandbox}"));
        writer.WriteLine($"run: {result.RunDirectory}" + (result.Resumed ? " (resumed)" : ""));
        writer.WriteLine();

        var shown = result.Cases.Count <= MaxRows
            ? result.Cases
            : result.Cases.OrderByDescending(c => Math.Abs(c.Difference)).ThenBy(c => c.CaseId, StringComparer.Ordinal).Take(MaxRows).ToList();
        var width = Math.Clamp(shown.Select(c => c.CaseId.Length).DefaultIfEmpty(4).Max(), 4, 40);
        var (headA, headB) = (Clip(a + " mean"), Clip(b + " mean"));
        var (widthA, widthB) = (Math.Max(7, headA.Length), Math.Max(7, headB.Length));
        writer.WriteLine($"{"case".PadRight(width)}  {headA.PadLeft(widthA)}  {headB.PadLeft(widthB)}  {"diff",7}  pass {Clip(a)}/{Clip(b)}");
        foreach (var c in shown)
        {
            var id = c.CaseId.Length > width ? c.CaseId[..(width - 1)] + "…" : c.CaseId.PadRight(width);
            writer.WriteLine($"{id}  {ScoreText.Score(c.A.MeanScore).PadLeft(widthA)}  {ScoreText.Score(c.B.MeanScore).PadLeft(widthB)}  {ScoreText.Signed(c.Difference),7}  {CompareWording.Pass(c.APass)}/{CompareWording.Pass(c.BPass)}");
        }

        if (shown.Count < result.Cases.Count)
        {
            writer.WriteLine($"({shown.Count} of {result.Cases.Count} cases shown: the largest differences; compare.md has all)");
        }

        writer.WriteLine();
        var rows = CompareWording.StatisticsRows(s, a, b);
        var nameWidth = Math.Max(28, rows.Max(r => r.Name.Length));
        foreach (var (name, value) in rows)
        {
            writer.WriteLine($"{name.PadRight(nameWidth)} {value}");
        }

        writer.WriteLine();
        writer.WriteLine($"verdict: {CompareWording.Headline(s, a, b)}");
        writer.WriteLine($"  {s.Explanation}");
        foreach (var note in CompareWording.Notes(s, a, b))
        {
            writer.WriteLine($"  note: {note}");
        }
    }

    /// <summary>
    /// The one line <c>evolve compare</c> prints instead of a comparison when both references are
    /// the same texts, naming them: nothing was run.
    /// </summary>
    public static string SameCandidate(ComparePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var (a, b) = (plan.A.Reference.Text, plan.B.Reference.Text);
        var who = a == b ? $"{a} is the same candidate on both sides" : $"{a} and {b} are the same candidate";
        return $"{who} ({plan.A.Candidate.ShortId}, identical texts): nothing to compare, so nothing was run.";
    }

    /// <summary>Column headings hold a name to 24 characters; the full names are in the lines above the table.</summary>
    private static string Clip(string text) => text.Length <= 24 ? text : text[..23] + "…";
}

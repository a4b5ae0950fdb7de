using System.Globalization;
using Evolve.Core.Reports;

namespace Evolve.Core.Runs;

/// <summary>The terminal text of <c>evolve runs list</c> and <c>evolve runs show</c>.</summary>
public static class RunCatalogText
{
    /// <summary>Columns <see cref="WriteList"/> keeps within.</summary>
    public const int Width = 100;

    /// <summary>
    /// One line per run under a header, within <see cref="Width"/> columns; "no runs" when there are
    /// none. The id already carries the start time and the suite, and the score's label the kind
    /// (val, mean or diff), so neither has a column; the simulator's note is said once, below.
    /// </summary>
    public static void WriteList(IReadOnlyList<RunListing> runs, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(writer);
        if (runs.Count == 0)
        {
            writer.WriteLine("no runs");
            return;
        }

        var rows = runs.Select(r => new[] { r.Id, ListModel(r), Spent(r), ListScore(r), r.Status, Duration(r.Duration) }).ToList();
        string[] header = ["id", "model", "rollouts", "score", "status", "time"];
        var widths = Enumerable.Range(0, header.Length).Select(c => rows.Max(row => row[c].Length)).Select((w, c) => Math.Max(w, header[c].Length)).ToArray();
        // The model gives way when the line would be too wide: it is the only free-length column besides the id.
        widths[1] = Math.Max(header[1].Length, Math.Min(widths[1], Width - (widths.Sum() - widths[1]) - (2 * (header.Length - 1))));
        writer.WriteLine(Line(header, widths));
        foreach (var (r, row) in runs.Zip(rows))
        {
            writer.WriteLine(Line(row, widths));
            if (r.Note is not null)
            {
                writer.WriteLine(Clip($"  {r.Status}: {r.Note}", Width));
            }
        }

        if (runs.Any(r => r.Simulated))
        {
            writer.WriteLine($"sim* = sim ({ModelLabel.SimulatorNote})");
        }
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((cell, c) => c == cells.Length - 1 ? cell : Clip(cell, widths[c]).PadRight(widths[c]))).TrimEnd();

    private static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";

    private static string ListModel(RunListing r) => r.Simulated ? r.Model + "*" : r.Model;

    private static string ListScore(RunListing r)
    {
        var label = RunScoreKind.Label(r.ScoreKind);
        return r.Score is { } s ? $"{label} {s.ToString(r.ScoreKind == RunScoreKind.Diff ? "+0.000;-0.000;0.000" : "0.000", CultureInfo.InvariantCulture)}" : "-";
    }

    /// <summary>Header, options, candidates, best candidate, verdict and report paths of one run.</summary>
    public static void WriteDetails(RunDetails details, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(writer);
        var r = details.Listing;
        writer.WriteLine($"run:        {r.Id}");
        writer.WriteLine($"folder:     {r.Directory}");
        writer.WriteLine($"status:     {r.Status}" + (r.Note is null ? "" : $" ({r.Note})"));
        if (r.Status == RunCatalog.Unreadable)
        {
            return;
        }

        writer.WriteLine($"kind:       {r.Kind}");
        writer.WriteLine($"suite:      {r.Suite}   agent: {r.Agent}");
        writer.WriteLine($"model:      {Model(r)}");
        writer.WriteLine($"started:    {Started(r)}   duration: {Duration(r.Duration)}");
        writer.WriteLine($"rollouts:   {Spent(r)}");
        writer.WriteLine($"candidates: {details.Candidates}");
        if (details.BestCandidate is { } best)
        {
            writer.WriteLine($"best:       {best}" + (r.Score is { } s ? $" ({r.ScoreKind} {s.ToString("0.000", CultureInfo.InvariantCulture)})" : ""));
        }
        else if (r.Score is { } score)
        {
            writer.WriteLine($"{r.ScoreKind + ":",-11} {score.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture)}");
        }

        if (details.Verdict is { } verdict)
        {
            writer.WriteLine($"verdict:    {verdict}");
        }

        writer.WriteLine("options:");
        foreach (var line in details.Options.Split('\n'))
        {
            writer.WriteLine("  " + line.TrimEnd('\r'));
        }

        foreach (var report in details.Reports)
        {
            writer.WriteLine($"report:     {report}");
        }
    }

    /// <summary>The model with the simulator marker: <c>sim (offline simulator, scores are synthetic)</c>.</summary>
    public static string Model(RunListing r) => r.Simulated ? $"{r.Model} ({ModelLabel.SimulatorNote})" : r.Model;

    /// <summary>1h05m, 3m20s or 4.2s; "-" when unknown.</summary>
    public static string Duration(TimeSpan? duration) => duration switch
    {
        null => "-",
        { TotalHours: >= 1 } d => string.Create(CultureInfo.InvariantCulture, $"{(int)d.TotalHours}h{d.Minutes:00}m"),
        { TotalMinutes: >= 1 } d => string.Create(CultureInfo.InvariantCulture, $"{(int)d.TotalMinutes}m{d.Seconds:00}s"),
        { } d => string.Create(CultureInfo.InvariantCulture, $"{d.TotalSeconds:0.0}s"),
    };

    private static string Spent(RunListing r) => r.Budget is { } budget ? $"{r.Rollouts}/{budget}" : r.Rollouts.ToString(CultureInfo.InvariantCulture);

    private static string Started(RunListing r) => r.StartedAt?.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-";
}

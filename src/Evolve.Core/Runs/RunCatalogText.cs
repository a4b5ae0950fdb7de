using System.Globalization;
using Evolve.Core.Reports;

namespace Evolve.Core.Runs;

/// <summary>The terminal text of <c>evolve runs list</c> and <c>evolve runs show</c>.</summary>
public static class RunCatalogText
{
    /// <summary>One line per run under a header; "no runs" when there are none.</summary>
    public static void WriteList(IReadOnlyList<RunListing> runs, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(writer);
        if (runs.Count == 0)
        {
            writer.WriteLine("no runs");
            return;
        }

        var idWidth = Math.Max(2, runs.Max(r => r.Id.Length));
        var modelWidth = Math.Min(60, runs.Max(r => Model(r).Length));
        writer.WriteLine($"{"id".PadRight(idWidth)}  {"kind",-8}  {"suite",-10}  {"model".PadRight(modelWidth)}  {"rollouts",-13}  {"score",-15}  {"status",-11}  {"started",-20}  duration");
        foreach (var r in runs)
        {
            writer.WriteLine($"{r.Id.PadRight(idWidth)}  {r.Kind,-8}  {r.Suite,-10}  {Model(r).PadRight(modelWidth)}  {Spent(r),-13}  {Score(r),-15}  {r.Status,-11}  {Started(r),-20}  {Duration(r.Duration)}");
            if (r.Note is not null)
            {
                writer.WriteLine($"{"".PadRight(idWidth)}  {r.Status}: {r.Note}");
            }
        }
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

    private static string Score(RunListing r) => r.Score is { } s
        ? $"{r.ScoreKind} {s.ToString(r.ScoreKind == "B-A" ? "+0.000;-0.000;0.000" : "0.000", CultureInfo.InvariantCulture)}"
        : "-";

    private static string Started(RunListing r) => r.StartedAt?.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-";
}

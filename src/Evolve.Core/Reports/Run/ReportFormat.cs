using System.Globalization;
using Evolve.Core.Stats;

namespace Evolve.Core.Reports.Run;

/// <summary>How numbers, durations and verdicts read in every rendering of a run report (html, md).</summary>
internal static class ReportFormat
{
    private static readonly CultureInfo Ic = CultureInfo.InvariantCulture;

    public static string Score(double? value) => value is double v ? ScoreText.Score(v) : "–";

    public static string P(double p) => p < 0.0001 ? "<0.0001" : p.ToString("0.0000", Ic);

    public static string Difference(FinalistRow f) => $"{ScoreText.Signed(f.Difference)} ({ScoreText.Signed(f.CiLower)} to {ScoreText.Signed(f.CiUpper)})";

    public static string VerdictText(Verdict verdict) => verdict switch
    {
        Verdict.BBetter => "better than the seed",
        Verdict.ABetter => "worse than the seed",
        Verdict.NoSignificantDifference => "no significant difference",
        Verdict.Inconclusive => "inconclusive: the interval excludes 0, no exact test backs it",
        _ => "too few cases to tell",
    };

    public static string Duration(TimeSpan t) =>
        t.TotalHours >= 1 ? string.Create(Ic, $"{(int)t.TotalHours}h {t.Minutes:00}m {t.Seconds:00}s")
        : t.TotalMinutes >= 1 ? string.Create(Ic, $"{t.Minutes}m {t.Seconds:00}s")
        : string.Create(Ic, $"{t.TotalSeconds:0.0}s");

    public static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    public static string List(IReadOnlyList<string> items, int max) =>
        string.Join(", ", items.Take(max)) + (items.Count > max ? $" and {items.Count - max} more" : string.Empty);

    /// <summary>Indexes of the columns where the candidates with a score there do not all score the same.</summary>
    public static List<int> DifferentColumns(IReadOnlyList<double?[]> rows, int columns)
    {
        var result = new List<int>();
        for (var c = 0; c < columns; c++)
        {
            double? first = null;
            foreach (var row in rows)
            {
                if (row[c] is not double v)
                {
                    continue;
                }

                if (first is null)
                {
                    first = v;
                }
                else if (Math.Abs(v - first.Value) > 1e-9)
                {
                    result.Add(c);
                    break;
                }
            }
        }

        return result;
    }

    public static IEnumerable<(string Key, string Value)> UsageLines(UsageSummary u)
    {
        yield return ("rollouts", u.Rollouts.ToString(Ic));
        yield return ("cost", u.CostNote);
        yield return ("latency", string.Create(Ic, $"mean {u.LatencyMeanMs:0} ms, p50 {u.LatencyP50Ms:0} ms, p95 {u.LatencyP95Ms:0} ms"));
        yield return ("cache hits", string.Create(Ic, $"{u.CacheHits} of {u.Rollouts}"));
        yield return ("errors", u.Errors.ToString(Ic));
        if (u.Scheduler is { } s)
        {
            var slots = s.Slots > 0 ? string.Create(Ic, $" through {s.Slots} slots") : "";
            yield return ("task calls scheduled", string.Create(Ic, $"{s.Overall.Count}{slots}, shared round-robin by {s.PerOwner.Count} candidates"));
            yield return ("waiting for a slot", Timing(s.Overall.Waiting));
            yield return ("call turnaround", Timing(s.Overall.Turnaround));
        }
    }

    private static string Timing(Evolve.Kernel.Agents.Scheduling.TimingSummary t) =>
        string.Create(Ic, $"mean {t.Mean.TotalMilliseconds:0} ms, p50 {t.P50.TotalMilliseconds:0} ms, p95 {t.P95.TotalMilliseconds:0} ms");
}

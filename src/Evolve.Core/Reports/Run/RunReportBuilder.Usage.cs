using System.Globalization;
using Evolve.Core.Runs;
using Evolve.Core.Runs.Events;
using Evolve.Core.Stats;
using Evolve.Kernel.Providers.Usage;

namespace Evolve.Core.Reports.Run;

/// <summary>Usage over every rollout, and the stored holdout verdicts.</summary>
internal static partial class RunReportBuilder
{
    private static UsageSummary Usage(IReadOnlyList<RolloutRow> rows, RunInfo info, IReadOnlyList<UsageEvent> usage)
    {
        var latencies = rows.Select(r => r.LatencyMs).Order().ToList();
        var errors = rows.Where(r => r.Error is not null).ToList();
        var priced = rows.Where(r => r.Cost is not null).ToList();
        decimal? cost = priced.Count > 0 ? priced.Sum(r => r.Cost!.Value) : null;
        // The last record of each invocation holds its totals (earlier ones are per-generation checkpoints).
        var records = usage
            .Select((r, i) => (Record: r, Key: r.Invocation > 0 ? r.Invocation : -1 - i))
            .GroupBy(x => x.Key).Select(g => g.Last().Record).ToList();
        var calls = records.Count == 0 ? null : records.Aggregate((a, b) => new UsageEvent(a.Task + b.Task, a.Reflection + b.Reflection)
        {
            Judge = (a.Judge ?? UsageTotals.Zero) + (b.Judge ?? UsageTotals.Zero),
        });
        return new UsageSummary
        {
            Rollouts = rows.Count,
            InputTokens = calls?.Total.InputTokens ?? rows.Sum(r => r.InputTokens),
            OutputTokens = calls?.Total.OutputTokens ?? rows.Sum(r => r.OutputTokens),
            Calls = calls,
            CallRecords = records.Count,
            Cost = info.Simulated ? null : calls is { } c ? RecordedCost(c.Total) : cost,
            CostNote = calls is { } recorded ? CostNote(info, recorded.Total) : CostNote(info, cost, rows.Count - priced.Count, rows.Count),
            LatencyMeanMs = latencies.Count == 0 ? 0 : latencies.Average(),
            LatencyP50Ms = Percentile(latencies, 0.50),
            LatencyP95Ms = Percentile(latencies, 0.95),
            CacheHits = rows.Count(r => r.CacheHit),
            Errors = errors.Count,
            TopErrors = errors.GroupBy(r => FirstLine(r.Error!)).Select(g => (g.Key, g.Count()))
                .OrderByDescending(e => e.Item2).ThenBy(e => e.Key, StringComparer.Ordinal).Take(5).ToList(),
        };
    }

    private static string CostNote(RunInfo info, decimal? cost, int unpriced, int rollouts)
    {
        if (info.Simulated)
        {
            return "none: the simulator has no price";
        }

        if (cost is not { } dollars)
        {
            return $"unknown: no list price for {info.Model} (add one with --prices)";
        }

        var text = string.Create(CultureInfo.InvariantCulture, $"${dollars:0.0000} at list prices");
        return unpriced == 0 ? text : string.Create(CultureInfo.InvariantCulture, $"{text}, {unpriced} of {rollouts} rollouts without a known price");
    }

    /// <summary>The cost every recorded call spent (reflection included), as the CLI's usage line says it.</summary>
    private static string CostNote(RunInfo info, UsageTotals total)
    {
        if (info.Simulated)
        {
            return "none: the simulator has no price";
        }

        if (RecordedCost(total) is null)
        {
            return "unknown: no list price for the models called (add one with --prices)";
        }

        var answered = Answered(total);
        var text = string.Create(CultureInfo.InvariantCulture, $"${total.Cost:0.0000} at list prices");
        return total.UnpricedCalls == 0 ? text : string.Create(CultureInfo.InvariantCulture, $"{text}, {total.UnpricedCalls} of {answered} calls without a known price");
    }

    /// <summary>The dollars the calls cost; null when every answered call was to a model without a price.</summary>
    private static decimal? RecordedCost(UsageTotals total) =>
        Answered(total) > 0 && total.UnpricedCalls == Answered(total) ? null : total.Cost;

    /// <summary>Calls the models answered (cache hits and failed attempts reach no price).</summary>
    private static long Answered(UsageTotals total) => total.Calls - total.CacheHits - total.FailedAttempts;

    /// <summary>Nearest-rank percentile of sorted values; 0 when there are none.</summary>
    internal static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length <= 160 ? line : line[..159] + "…";
    }

    /// <summary>The "holdout" events; a rank recorded twice (a resumed holdout check) keeps its last record.</summary>
    private static List<FinalistRow> Finalists(IReadOnlyList<HoldoutEvent> holdout)
    {
        var byRank = new SortedDictionary<int, FinalistRow>();
        foreach (var data in holdout)
        {
            var c = data.Comparison;
            byRank[data.Rank] = new FinalistRow
            {
                Rank = data.Rank, CandidateId = data.Candidate, ValMean = data.ValMean, Cases = c.N, SeedMean = c.MeanA, FinalistMean = c.MeanB,
                Difference = c.MeanDifference, CiLower = c.DifferenceInterval.Lower, CiUpper = c.DifferenceInterval.Upper,
                PValue = c.PValue, HolmP = data.HolmP, Wins = c.Wins, Ties = c.Ties, Losses = c.Losses, Verdict = c.Verdict, Explanation = c.Explanation,
            };
        }

        return [.. byRank.Values];
    }
}

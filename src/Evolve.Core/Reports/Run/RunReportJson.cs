using System.Text.Json;
using Evolve.Core.Reports.Insights;
using Evolve.Core.Runs;
using Evolve.Kernel.Providers.Usage;

namespace Evolve.Core.Reports.Run;

/// <summary>The report's data, machine-readable: the same facts as the html and md renderings.</summary>
internal static class RunReportJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Render(RunReport report)
    {
        var h = report.Header;
        return JsonSerializer.Serialize(new
        {
            model = h.ModelLine,
            header = new
            {
                runId = h.RunId, h.Kind, h.Suite, h.Agent, h.Model, h.Simulated, h.Status, h.StartedAt, wallTimeSeconds = h.WallTime.TotalSeconds,
                spent = h.Spent, h.Budget, h.StopReason, h.SeedId, h.BestId,
            },
            outcome = report.Outcome is { } o
                ? new { candidate = o.CandidateId, o.MeanScore, o.PassRate, o.Passed, o.Rollouts, o.Cases }
                : null,
            finalists = report.Finalists,
            scoreCurve = report.ScoreCurve.Select(p => new { rollouts = p.Rollouts, best = p.Best }),
            candidates = report.Candidates.Select(c => new
            {
                c.Id, c.Parents, c.Operator, c.Generation, status = CandidateStatusNames.Name(c.Status), c.ValMean, c.ValCases, c.PromptChars, c.OnFront, c.FrontCount, c.OnBestPath, c.IsBest,
            }),
            cases = report.Cases,
            heatmap = report.Heatmap.Select(r => new { candidate = r.CandidateId, scores = r.Scores }),
            bestVsSeed = report.BestVsSeed.Select(Diff),
            diffs = report.Diffs.Select(Diff),
            clusters = report.Clusters,
            usage = new
            {
                report.Usage.Rollouts, report.Usage.InputTokens, report.Usage.OutputTokens, report.Usage.Cost, report.Usage.CostNote,
                calls = report.Usage.Calls is { } calls
                    ? new { task = calls.Task, reflection = calls.Reflection, judge = calls.Judge ?? UsageTotals.Zero, total = calls.Total, invocations = report.Usage.CallRecords }
                    : null,
                report.Usage.LatencyMeanMs, report.Usage.LatencyP50Ms, report.Usage.LatencyP95Ms, report.Usage.CacheHits, report.Usage.Errors,
                topErrors = report.Usage.TopErrors.Select(e => new { message = e.Message, count = e.Count }),
                scheduler = report.Usage.Scheduler is { } s
                    ? new { slots = s.Slots, calls = s.Overall.Count, candidates = s.PerOwner.Count, waitingMs = Ms(s.Overall.Waiting), turnaroundMs = Ms(s.Overall.Turnaround) }
                    : null,
            },
        }, Options);
    }

    private static object Ms(Evolve.Kernel.Agents.Scheduling.TimingSummary t) =>
        new { mean = t.Mean.TotalMilliseconds, p50 = t.P50.TotalMilliseconds, p95 = t.P95.TotalMilliseconds };

    private static object Diff(DiffEntry d) => new
    {
        parent = d.ParentId, child = d.ChildId, @operator = d.Operator, component = d.Component,
        unified = PromptDiff.ToUnified(PromptDiff.Compute(d.Before, d.After), $"{ShortId.Of(d.ParentId)}/{d.Component}", $"{ShortId.Of(d.ChildId)}/{d.Component}"),
    };
}

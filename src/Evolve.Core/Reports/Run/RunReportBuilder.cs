using System.Text.Json;
using Evolve.Core.Evaluation;
using Evolve.Core.Gepa.Search;
using Evolve.Core.Runs;
using Evolve.Core.Runs.Events;

namespace Evolve.Core.Reports.Run;

/// <summary>
/// Reads a run.db into a <see cref="RunReport"/>: one pass over light rollout rows, aggregated per
/// candidate and case. Works on finished, running, interrupted and failed runs, and on eval runs
/// (which have no lineage, front or holdout verdict).
/// </summary>
internal static partial class RunReportBuilder
{
    /// <summary>Heatmap rows kept (best first); more would make the page large without helping anyone read it.</summary>
    public const int MaxHeatmapRows = 300;

    /// <summary>Parent -> child diffs kept along the best path (the ones nearest the best).</summary>
    public const int MaxDiffs = 12;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RunReport Build(RunStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var info = store.LoadInfo();
        var stored = store.LoadCandidates();
        var rows = store.LoadRolloutRows();
        // Clustering (ML.NET: the slowest part, mostly its first-call cost) runs beside the rest of the build.
        var clusters = Task.Run(() => Clusters(rows));
        var optimize = info.Kind == "optimize";
        var scored = optimize ? rows.Where(r => r.Split == "val").ToList() : rows;
        var cases = scored.Select(r => r.CaseId).Distinct(StringComparer.Ordinal).ToList();
        var means = CaseMeans(scored);

        var finished = store.LastEvent<FinishedEvent>();
        var pool = stored.Where(c => c.Status == CandidateStatus.Pool).Select((c, i) => new PoolMember(c.Candidate.Id, i, means.GetValueOrDefault(c.Candidate.Id) ?? [], c.Candidate.Parents)).ToList();
        var bestId = finished?.Best ?? (pool.Count > 0 ? ParetoFront.Best(pool).Id : BestByMean(stored.Select(c => c.Candidate.Id), means));
        var front = optimize && pool.Count > 0 ? ParetoFront.Build(pool, cases) : null;
        var byId = stored.GroupBy(c => c.Candidate.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Candidate, StringComparer.Ordinal);
        var bestPath = Ancestors(bestId, byId);

        var candidates = stored.Select(c =>
        {
            var id = c.Candidate.Id;
            var scores = means.GetValueOrDefault(id);
            return new CandidateRow
            {
                Id = id, Parents = c.Candidate.Parents, Operator = c.Candidate.Operator, Generation = c.Candidate.Generation, Status = c.Status,
                ValMean = scores is { Count: > 0 } ? scores.Values.Average() : null, ValCases = scores?.Count ?? 0,
                PromptChars = c.Candidate.Components.Values.Sum(v => v.Length),
                OnFront = front?.Contains(id) ?? false, FrontCount = front?.FrontCount(id) ?? 0,
                OnBestPath = optimize && bestPath.Contains(id), IsBest = id == bestId,
            };
        }).ToList();

        var seed = stored.Count > 0 ? stored[0].Candidate : null;
        return new RunReport
        {
            Header = Header(info, rows, finished, seed?.Id, bestId),
            Candidates = candidates, Cases = cases,
            ScoreCurve = optimize ? ScoreCurve(rows) : [],
            Heatmap = HeatmapRows(candidates, cases, means),
            Finalists = Finalists(store.LoadEvents<HoldoutEvent>()),
            Diffs = optimize ? PathDiffs(candidates, byId) : [],
            BestVsSeed = seed is not null && bestId is not null && byId.TryGetValue(bestId, out var best) ? Changes(seed, best, "best") : [],
            Clusters = clusters.GetAwaiter().GetResult(),
            Usage = Usage(rows, info, store.LoadEvents<UsageEvent>()) with { Scheduler = store.LastEvent<SchedulerEvent>() },
            Outcome = optimize ? null : Outcome(bestId, rows, means),
        };
    }

    private static ReportHeader Header(RunInfo info, IReadOnlyList<RolloutRow> rows, FinishedEvent? finished, string? seedId, string? bestId)
    {
        var end = info.FinishedAt ?? (rows.Count > 0 ? rows.Max(r => r.CreatedAt) : info.StartedAt);
        int? budget = null;
        if (Parse(info.OptionsJson) is { ValueKind: JsonValueKind.Object } options && options.TryGetProperty("budget", out var b) && b.TryGetInt32(out var value))
        {
            budget = value;
        }

        return new ReportHeader
        {
            RunId = info.Id, Kind = info.Kind, Suite = info.Suite, Agent = info.Agent, Model = info.Model, Simulated = info.Simulated,
            Status = info.Status, StartedAt = info.StartedAt, WallTime = end > info.StartedAt ? end - info.StartedAt : TimeSpan.Zero,
            Spent = rows.Count, Budget = budget, StopReason = StopReason(info, finished), SeedId = seedId, BestId = bestId,
        };
    }

    private static string StopReason(RunInfo info, FinishedEvent? finished)
    {
        if (finished?.StopReason is { } reason)
        {
            return reason;
        }

        return info.Status switch
        {
            RunStatus.Running => "still running, or killed before it could say why",
            RunStatus.Interrupted => $"interrupted; resume with: evolve run --resume {info.Id}",
            RunStatus.Failed => "a systemic failure stopped it (bad credentials, exhausted budget, …); resumable once fixed",
            _ => "finished",
        };
    }

    private static JsonElement Parse(string json) => JsonSerializer.Deserialize<JsonElement>(json, Json);

    private static string? BestByMean(IEnumerable<string> ids, Dictionary<string, Dictionary<string, double>> means) =>
        ids.Select((id, i) => (id, i, mean: means.GetValueOrDefault(id) is { Count: > 0 } m ? m.Values.Average() : -1))
            .OrderByDescending(x => x.mean).ThenBy(x => x.i).Select(x => x.id).FirstOrDefault();

    private static HashSet<string> Ancestors(string? id, Dictionary<string, Candidate> byId)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        if (id is not null)
        {
            stack.Push(id);
        }

        while (stack.TryPop(out var next))
        {
            if (seen.Add(next) && byId.TryGetValue(next, out var candidate))
            {
                foreach (var parent in candidate.Parents)
                {
                    stack.Push(parent);
                }
            }
        }

        return seen;
    }
}

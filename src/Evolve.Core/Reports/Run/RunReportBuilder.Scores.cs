using Evolve.Core.Evaluation;
using Evolve.Core.Runs;

namespace Evolve.Core.Reports.Run;

/// <summary>Scores per candidate and case, the running best, the heatmap rows and the prompt changes.</summary>
internal static partial class RunReportBuilder
{
    /// <summary>Candidate -> case -> mean over repeats.</summary>
    private static Dictionary<string, Dictionary<string, double>> CaseMeans(IEnumerable<RolloutRow> rows) =>
        rows.GroupBy(r => r.CandidateId, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => g.GroupBy(r => r.CaseId, StringComparer.Ordinal).ToDictionary(c => c.Key, c => c.Average(r => r.Score), StringComparer.Ordinal),
            StringComparer.Ordinal);

    /// <summary>
    /// Walks the rollouts in the order they were spent; a candidate's validation mean counts once it
    /// has as many validation rollouts as the fullest candidate (the seed always validates fully),
    /// so a raced-out candidate's partial mean never shows as a best.
    /// </summary>
    private static List<(int Rollouts, double Best)> ScoreCurve(IReadOnlyList<RolloutRow> rows)
    {
        var full = rows.Where(r => r.Split == "val").GroupBy(r => r.CandidateId).Select(g => g.Count()).DefaultIfEmpty(0).Max();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var sums = new Dictionary<string, Dictionary<string, (double Sum, int Count)>>(StringComparer.Ordinal);
        var points = new List<(int, double)>();
        var best = double.NegativeInfinity;
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            if (r.Split != "val")
            {
                continue;
            }

            var count = counts[r.CandidateId] = counts.GetValueOrDefault(r.CandidateId) + 1;
            var cases = sums.TryGetValue(r.CandidateId, out var c) ? c : sums[r.CandidateId] = new(StringComparer.Ordinal);
            var (sum, n) = cases.GetValueOrDefault(r.CaseId);
            cases[r.CaseId] = (sum + r.Score, n + 1);
            if (count == full)
            {
                var mean = cases.Values.Average(v => v.Sum / v.Count);
                if (mean > best + 1e-12)
                {
                    best = mean;
                    points.Add((i + 1, mean));
                }
            }
        }

        return points;
    }

    private static EvalOutcome? Outcome(string? candidateId, IReadOnlyList<RolloutRow> rows, Dictionary<string, Dictionary<string, double>> means)
    {
        if (candidateId is null || !means.TryGetValue(candidateId, out var cases))
        {
            return null;
        }

        var own = rows.Where(r => r.CandidateId == candidateId).ToList();
        return new EvalOutcome
        {
            CandidateId = candidateId, MeanScore = cases.Values.Average(), Passed = own.Count(r => r.Pass), Rollouts = own.Count, Cases = cases.Count,
        };
    }

    private static List<(string, double?[])> HeatmapRows(IReadOnlyList<CandidateRow> candidates, IReadOnlyList<string> cases, Dictionary<string, Dictionary<string, double>> means) =>
        candidates.Where(c => means.ContainsKey(c.Id))
            .OrderByDescending(c => c.IsBest).ThenByDescending(c => c.Status == CandidateStatus.Pool).ThenByDescending(c => c.ValMean ?? -1).ThenBy(c => c.Generation)
            .Take(MaxHeatmapRows)
            .Select(c => (c.Id, cases.Select(id => means[c.Id].TryGetValue(id, out var v) ? v : (double?)null).ToArray()))
            .ToList();

    /// <summary>Each accepted candidate on the best path against its first parent, the nearest the best kept.</summary>
    private static List<DiffEntry> PathDiffs(IReadOnlyList<CandidateRow> candidates, Dictionary<string, Candidate> byId)
    {
        var edges = candidates.Where(c => c.OnBestPath && c.Parents.Count > 0 && byId.ContainsKey(c.Parents[0]))
            .Select(c => (Parent: byId[c.Parents[0]], Child: byId[c.Id]))
            .ToList();
        return edges.Skip(Math.Max(0, edges.Count - MaxDiffs)).SelectMany(e => Changes(e.Parent, e.Child, e.Child.Operator)).ToList();
    }

    private static List<DiffEntry> Changes(Candidate before, Candidate after, string how) =>
        after.Components.Keys.Union(before.Components.Keys).Order(StringComparer.Ordinal)
            .Where(k => before.Components.GetValueOrDefault(k) != after.Components.GetValueOrDefault(k))
            .Select(k => new DiffEntry(before.Id, after.Id, how, k, before.Components.GetValueOrDefault(k) ?? "", after.Components.GetValueOrDefault(k) ?? ""))
            .ToList();
}

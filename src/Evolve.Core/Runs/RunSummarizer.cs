using System.Text.Json;
using Evolve.Core.Runs.Events;

namespace Evolve.Core.Runs;

/// <summary>Reads a run's header, counts and headline numbers for <see cref="RunCatalog"/>.</summary>
internal static class RunSummarizer
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private static readonly string[] ReportFiles = ["report.html", "report.md", "compare.html", "compare.md", "matrix.html"];

    public static RunDetails Summarize(RunStore store, string directory, TimeProvider time)
    {
        var info = store.LoadInfo();
        var (status, note) = LiveStatus(info.Status, directory);
        var candidates = store.LoadCandidates();
        using var options = JsonDocument.Parse(info.OptionsJson);
        var (score, scoreKind, best) = Headline(store, info.Kind, candidates);
        var end = info.FinishedAt ?? (status == RunStatus.Running ? time.GetUtcNow() : null);
        var listing = new RunListing
        {
            Id = info.Id, Directory = directory, Kind = info.Kind, Suite = info.Suite, Agent = info.Agent, Model = info.Model,
            Simulated = info.Simulated, Status = status, Note = note, StartedAt = info.StartedAt,
            Duration = end is { } e && e >= info.StartedAt ? e - info.StartedAt : null,
            Rollouts = store.CountRollouts(), Budget = Budget(info.Kind, options.RootElement), Score = score, ScoreKind = scoreKind,
        };
        return new RunDetails
        {
            Listing = listing,
            Options = JsonSerializer.Serialize(options.RootElement, Indented),
            Candidates = candidates.Count, BestCandidate = best, Verdict = Verdict(store, info.Kind), Reports = Reports(directory),
        };
    }

    public static IReadOnlyList<string> Reports(string directory) =>
        ReportFiles.Select(f => Path.Combine(directory, f)).Where(File.Exists).ToList();

    /// <summary>
    /// A run stored as running whose lock file exists but is not held was killed: the lock is an
    /// OS file lock, dropped when its process dies, and only a live run process holds it. Without
    /// a lock file (eval runs take none) the stored status is all there is to report.
    /// </summary>
    private static (string Status, string? Note) LiveStatus(string stored, string directory)
    {
        return stored == RunStatus.Running && RunLock.Exists(directory) && !RunLock.IsHeld(directory)
            ? (RunStatus.Interrupted, "stored as running, but no process holds its lock: it was killed")
            : (stored, null);
    }

    private static (double? Score, string Kind, string? Best) Headline(RunStore store, string kind, IReadOnlyList<(Evaluation.Candidate Candidate, CandidateStatus Status, string Info)> candidates)
    {
        switch (kind)
        {
            case "optimize":
                var val = store.MeanScores("val");
                var pool = candidates.Where(c => c.Status == CandidateStatus.Pool && val.ContainsKey(c.Candidate.Id)).Select(c => c.Candidate.Id).ToList();
                var best = pool.Select((id, i) => (Id: id, Order: i)).OrderByDescending(x => val[x.Id]).ThenBy(x => x.Order).Select(x => x.Id).FirstOrDefault();
                return (best is null ? null : val[best], RunScoreKind.BestVal, best);
            case "compare":
                return (store.LastEvent<CompareEvent>()?.MeanDifference, RunScoreKind.Diff, null);

            default:
                return (store.MeanCaseScore(), RunScoreKind.Mean, candidates.Count == 1 ? candidates[0].Candidate.Id : null);
        }
    }

    private static int? Budget(string kind, JsonElement options) =>
        kind == "optimize" && options.ValueKind == JsonValueKind.Object && options.TryGetProperty("budget", out var b) && b.TryGetInt32(out var budget) ? budget : null;

    private static string? Verdict(RunStore store, string kind)
    {
        if (kind == "compare")
        {
            return store.LastEvent<CompareEvent>()?.Explanation;
        }

        if (store.LastEvent<FinishedEvent>() is not { Verdict: { } verdict } finished)
        {
            return null;
        }

        // A number no verdict has (a newer writer's) is shown as it is rather than guessed at.
        var name = Enum.IsDefined(verdict) ? Stats.VerdictWords.Of(verdict, "seed", "best") : verdict.ToString();
        var difference = finished.MeanDifference is { } d
            ? $", best - seed = {d.ToString("+0.000;-0.000;0.000", System.Globalization.CultureInfo.InvariantCulture)}"
            : "";
        return $"holdout: {name}{difference}";
    }
}

using Evolve.Core.Evaluation;
using Evolve.Core.Gepa;
using Evolve.Core.Runs;
using Evolve.Kernel;

namespace Evolve.Core.Promotion;

/// <summary>Finds the run folder and the candidate to promote: only pool candidates (those that survived validation) are eligible.</summary>
internal static class CandidatePicker
{
    /// <summary>The run folder for a run id under <paramref name="runsDirectory"/> or a full path to a run folder.</summary>
    public static string RunDirectory(string run, string runsDirectory)
    {
        if (Path.IsPathFullyQualified(run) && File.Exists(Path.Combine(run, RunStore.FileName)))
        {
            return run;
        }

        return RunCatalog.Find(runsDirectory, run, "RUN", GepaRun.Kind);
    }

    /// <summary>The candidate named by <paramref name="prefix"/>, or the pool candidate with the best mean validation score.</summary>
    public static Candidate Pick(RunStore store, string? prefix)
    {
        var candidates = store.LoadCandidates();
        var pool = candidates.Where(c => c.Status == CandidateStatus.Pool).Select(c => c.Candidate).ToList();
        if (prefix is not null)
        {
            var matches = candidates.Where(c => c.Candidate.Id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).ToList();
            return matches.Count switch
            {
                0 => throw new InputException("--candidate", null, null, $"run {Path.GetFileName(store.Directory)} has no candidate starting with '{prefix}'"),
                > 1 => throw new InputException("--candidate", null, null, $"'{prefix}' matches {matches.Count} candidates; give more digits"),
                _ when matches[0].Status != CandidateStatus.Pool => throw new InputException("--candidate", null, null,
                    $"candidate {matches[0].Candidate.ShortId} is '{CandidateStatusNames.Name(matches[0].Status)}', not in the pool: only validated pool candidates can be promoted"),
                _ => matches[0].Candidate,
            };
        }

        if (pool.Count == 0)
        {
            throw new InputException("RUN", null, null, $"run {Path.GetFileName(store.Directory)} has no pool candidates (was it an optimization run?)");
        }

        return Best(store, pool);
    }

    /// <summary>
    /// The pool candidate with the best mean validation score, as <c>evolve run</c> reported it; ties
    /// go to the earliest recorded. The means come from the database, not from loading every rollout.
    /// </summary>
    public static Candidate Best(RunStore store, IReadOnlyList<Candidate> pool)
    {
        var means = store.MeanScores("val");
        return pool
            .Select((c, i) => (Candidate: c, Order: i, Mean: means.TryGetValue(c.Id, out var m) ? m : double.NegativeInfinity))
            .OrderByDescending(x => x.Mean).ThenBy(x => x.Order)
            .First().Candidate;
    }
}

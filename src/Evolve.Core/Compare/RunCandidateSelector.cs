using Evolve.Core.Evaluation;
using Evolve.Core.Promotion;
using Evolve.Core.Runs;

namespace Evolve.Core.Compare;

/// <summary>
/// Picks a run's candidate for <c>RUN[:CANDIDATE]</c>. <c>best</c> (also plain <c>RUN</c>) is the
/// pool candidate with the best mean validation score, as <c>evolve run</c> and <c>evolve promote</c>
/// choose it; a run without a pool (an eval) has one candidate and that is its best. <c>seed</c> is
/// the run's seed candidate. Anything else is a unique hex prefix of a candidate id.
/// </summary>
internal static class RunCandidateSelector
{
    public static Candidate Select(RunStore store, CandidateReference reference)
    {
        var run = Path.GetFileName(store.Directory);
        var candidates = store.LoadCandidates();
        if (candidates.Count == 0)
        {
            throw CandidateReference.Error(reference.Argument, reference.Text, $"run {run} has no candidates yet");
        }

        switch (reference.Selector)
        {
            case "seed":
                return candidates.FirstOrDefault(c => c.Candidate.Operator == "seed").Candidate
                    ?? throw CandidateReference.Error(reference.Argument, reference.Text, $"run {run} has no seed candidate");
            case "best":
                return Best(store, candidates, reference, run);
            default:
                var matches = candidates.Where(c => c.Candidate.Id.StartsWith(reference.Selector!, StringComparison.OrdinalIgnoreCase)).ToList();
                return matches.Count switch
                {
                    1 => matches[0].Candidate,
                    0 => throw CandidateReference.Error(reference.Argument, reference.Text, $"run {run} has no candidate starting with '{reference.Selector}'"),
                    _ => throw CandidateReference.Error(reference.Argument, reference.Text,
                        $"'{reference.Selector}' matches {matches.Count} candidates of run {run} ({string.Join(", ", matches.Take(5).Select(m => m.Candidate.ShortId))}); give more digits"),
                };
        }
    }

    private static Candidate Best(RunStore store, IReadOnlyList<(Candidate Candidate, CandidateStatus Status, string Info)> candidates, CandidateReference reference, string run)
    {
        var pool = candidates.Where(c => c.Status == CandidateStatus.Pool).Select(c => c.Candidate).ToList();
        if (pool.Count == 0)
        {
            return candidates.Count == 1
                ? candidates[0].Candidate
                : throw CandidateReference.Error(reference.Argument, reference.Text,
                    $"run {run} has {candidates.Count} candidates and no pool to pick the best from; name one: {string.Join(", ", candidates.Take(5).Select(c => $"{run}:{c.Candidate.ShortId}"))}");
        }

        return CandidatePicker.Best(store, pool);
    }
}

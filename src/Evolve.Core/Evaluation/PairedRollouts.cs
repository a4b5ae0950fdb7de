using Evolve.Core.Stats;
using Evolve.Core.Suites;
using Evolve.Kernel.Agents;

namespace Evolve.Core.Evaluation;

/// <summary>
/// Runs two candidates on the same cases and repeats through one executor and pairs their
/// rollouts case by case: the unit of comparison is the case (repeats averaged, pass by majority
/// of repeats), as the optimizer's holdout check and the promotion gate pair them.
/// </summary>
public static class PairedRollouts
{
    /// <summary>
    /// Runs (or reuses from the executor's store) every rollout of A and B on
    /// <paramref name="cases"/> x <paramref name="repeat"/>, interleaved so that an interruption
    /// leaves both sides equally far, and returns one pairing per case in case order.
    /// Identical candidates share their rollouts: a candidate compared with itself differs nowhere.
    /// </summary>
    public static async Task<IReadOnlyList<CaseComparison>> RunAsync(
        RolloutExecutor executor,
        (Candidate Candidate, AgentDefinition Agent) a,
        (Candidate Candidate, AgentDefinition Agent) b,
        IReadOnlyList<EvalCase> cases,
        int repeat,
        EvaluationProgress? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(executor);
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentOutOfRangeException.ThrowIfLessThan(repeat, 1);
        var requests = cases.SelectMany(c => Enumerable.Range(0, repeat).SelectMany(rep => new[]
        {
            new RolloutRequest(a.Candidate, a.Agent, c, rep),
            new RolloutRequest(b.Candidate, b.Agent, c, rep),
        })).ToList();
        var rollouts = await executor.RunAsync(requests, progress, cancellationToken).ConfigureAwait(false);
        return Pair(cases, rollouts, a.Candidate.Id, b.Candidate.Id);
    }

    /// <summary>Pairs stored rollouts of candidates <paramref name="aId"/> and <paramref name="bId"/> case by case.</summary>
    public static IReadOnlyList<CaseComparison> Pair(IReadOnlyList<EvalCase> cases, IEnumerable<Rollout> rollouts, string aId, string bId)
    {
        var byKey = rollouts.ToLookup(r => (r.CandidateId, r.CaseId));
        return cases.Select(c => new CaseComparison(
                new CaseResult(c, byKey[(aId, c.Id)].DistinctBy(r => r.Repeat).OrderBy(r => r.Repeat).ToList()),
                new CaseResult(c, byKey[(bId, c.Id)].DistinctBy(r => r.Repeat).OrderBy(r => r.Repeat).ToList())))
            .ToList();
    }

    /// <summary>Compares B against A over the pairings.</summary>
    public static PairedComparisonResult Compare(IReadOnlyList<CaseComparison> cases, int seed) =>
        PairedComparison.Compare(cases.Select(c => c.ToObservation()).ToList(), new PairedComparisonOptions { Seed = seed });

    /// <summary>A case passes when more than half of its repeats pass (a tie of repeats is a fail).</summary>
    public static bool MajorityPass(IReadOnlyCollection<Rollout> rollouts) => rollouts.Count(r => r.Score.Pass) * 2 > rollouts.Count;
}

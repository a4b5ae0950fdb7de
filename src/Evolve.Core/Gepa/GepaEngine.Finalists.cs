using Evolve.Core.Evaluation;
using Evolve.Core.Gepa.Search;
using Evolve.Core.Runs.Events;

namespace Evolve.Core.Gepa;

/// <summary>The final pick and the candidates the holdout check compares with the seed.</summary>
internal sealed partial class GepaEngine
{
    /// <summary>
    /// Picks the run's best and its holdout finalists. With re-validation on (and affordable), the
    /// seed and the leaders by validation mean get fresh validation repeats from the reserve, and
    /// <see cref="FinalPick"/> decides; otherwise the best by validation, as the search saw it.
    /// Stored repeats are reused, so a resumed run re-validates without spending again.
    /// </summary>
    public async Task<FinalSelection> SelectAsync(PoolEntry seed, CancellationToken cancellationToken)
    {
        var leaders = _pool.Where(p => p.Index != 0).OrderByDescending(p => p.Mean).ThenBy(p => p.Index).Take(_setup.Contenders).ToList();
        if (leaders.Count == 0)
        {
            return new FinalSelection(Best(), Finalists(_setup.Finalists), null);
        }

        var repeats = _setup.Options.Revalidate;
        IReadOnlyList<RolloutRequest> Fresh(PoolEntry e) =>
            RolloutRequest.For(e.Candidate, e.Agent, _setup.Val, repeats, firstRepeat: _setup.ValidationRepeat);
        var requests = Fresh(seed).Concat(leaders.SelectMany(Fresh)).ToList();
        _budget.Consume(requests, fromReserve: true);
        var rollouts = await _runner.RunAsync(requests, cancellationToken).ConfigureAwait(false);
        var byCandidate = rollouts.ToLookup(r => r.CandidateId);
        IReadOnlyDictionary<string, double> Scores(PoolEntry e) =>
            byCandidate[e.Candidate.Id].GroupBy(r => r.CaseId).ToDictionary(g => g.Key, g => g.Average(r => r.Score.Value), StringComparer.Ordinal);

        var result = FinalPick.Choose(Scores(seed), leaders.Select(l => (l.Candidate.Id, Scores(l))).ToList());
        var byId = leaders.ToDictionary(l => l.Candidate.Id);
        var pick = result.PickId is null ? seed : byId[result.PickId];
        var others = result.Ranked.Where(e => e.Id != result.PickId).Select(e => byId[e.Id]);
        var finalists = new List<PoolEntry> { pick };
        finalists.AddRange(others.Take(_setup.Finalists - 1));
        _journal.SaveFinalPick(new FinalPickEvent(
            repeats, seed.Candidate.Id, result.SeedMean, pick.Candidate.Id, result.KeptSeed,
            result.Ranked.Select(e => new FinalPickContender(e.Id, byId[e.Id].Mean, e.Mean, e.Difference, e.StandardError, e.LowerBound)).ToList()));
        return new FinalSelection(pick, finalists, result);
    }

    /// <summary>
    /// The best by validation first, then the other Pareto-front members by validation mean (pool
    /// order breaks ties), at most <paramref name="count"/> in all. The seed is never a finalist
    /// unless it is the best: comparing it with itself would only spend a Holm slot.
    /// </summary>
    public IReadOnlyList<PoolEntry> Finalists(int count)
    {
        var best = Best();
        var front = ParetoFront.Build(Members(), ValIds);
        var others = _pool
            .Where(p => p != best && p.Index != 0 && front.Contains(p.Candidate.Id))
            .OrderByDescending(p => p.Mean).ThenBy(p => p.Index);
        return [best, .. others.Take(count - 1)];
    }
}

/// <summary>The run's best and its holdout finalists (the best first).</summary>
/// <param name="Best">The picked candidate (the seed when re-validation found nothing better).</param>
/// <param name="Finalists">What the holdout check compares with the seed, <paramref name="Best"/> first.</param>
/// <param name="Pick">The re-validation behind the pick; null when the search's own best was taken.</param>
internal sealed record FinalSelection(PoolEntry Best, IReadOnlyList<PoolEntry> Finalists, FinalPickResult? Pick);

using Evolve.Core.Gepa.Search;

namespace Evolve.Core.Gepa;

/// <summary>The candidates the holdout check compares with the seed.</summary>
internal sealed partial class GepaEngine
{
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

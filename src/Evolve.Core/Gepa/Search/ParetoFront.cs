namespace Evolve.Core.Gepa.Search;

/// <summary>
/// GEPA's per-case Pareto front over the pool. Each validation case keeps the best score and every
/// member reaching it (ties stay together); the survivors are the union of those sets after
/// set-cover pruning, and parent sampling weighs each survivor by the fronts it is on.
/// </summary>
public sealed class ParetoFront
{
    /// <summary>Scores within this distance of a case's best count as reaching it.</summary>
    public const double TieTolerance = 1e-9;

    private readonly Dictionary<string, int> _frontCounts;

    private ParetoFront(IReadOnlyList<CaseFront> fronts, IReadOnlyList<string> survivors, Dictionary<string, int> frontCounts)
    {
        Fronts = fronts;
        Survivors = survivors;
        _frontCounts = frontCounts;
    }

    /// <summary>One front per validation case that at least one member has scored, in the order of the case ids given.</summary>
    public IReadOnlyList<CaseFront> Fronts { get; }

    /// <summary>Ids of the members left after set-cover pruning, in pool order (by <see cref="PoolMember.Index"/>).</summary>
    public IReadOnlyList<string> Survivors { get; }

    /// <summary>Number of survivors.</summary>
    public int Size => Survivors.Count;

    /// <summary>Number of case fronts the member is on if it survived pruning, otherwise 0.</summary>
    public int FrontCount(string id) => _frontCounts.GetValueOrDefault(id);

    /// <summary>Whether the member survived pruning.</summary>
    public bool Contains(string id) => _frontCounts.ContainsKey(id);

    /// <summary>Builds the fronts for <paramref name="valCaseIds"/> and prunes them (see <see cref="FrontPruning"/>).</summary>
    /// <exception cref="ArgumentException">Two pool members share an id.</exception>
    public static ParetoFront Build(IReadOnlyList<PoolMember> pool, IReadOnlyList<string> valCaseIds)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(valCaseIds);
        var ordered = InPoolOrder(pool);

        var fronts = new List<CaseFront>();
        foreach (var caseId in valCaseIds)
        {
            var scored = ordered.Where(m => m.ValScores.ContainsKey(caseId)).ToList();
            if (scored.Count == 0)
            {
                continue;
            }

            var best = scored.Max(m => m.ValScores[caseId]);
            var members = scored.Where(m => m.ValScores[caseId] >= best - TieTolerance).Select(m => m.Id).ToList();
            fronts.Add(new CaseFront(caseId, best, members));
        }

        var survivors = FrontPruning.Survivors(ordered, fronts);
        var counts = survivors.ToDictionary(id => id, id => fronts.Count(f => f.MemberIds.Contains(id)), StringComparer.Ordinal);
        return new ParetoFront(fronts, survivors, counts);
    }

    /// <summary>
    /// GEPA's final pick: the highest mean validation score; ties (within <see cref="TieTolerance"/>)
    /// go to the member with more cases scored, then to the lower <see cref="PoolMember.Index"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The pool is empty.</exception>
    public static PoolMember Best(IReadOnlyList<PoolMember> pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        if (pool.Count == 0)
        {
            throw new ArgumentException("the pool is empty", nameof(pool));
        }

        var best = pool[0];
        var bestMean = best.Mean;
        foreach (var member in pool.Skip(1))
        {
            var mean = member.Mean;
            if (IsBetter(mean, member, bestMean, best))
            {
                best = member;
                bestMean = mean;
            }
        }

        return best;
    }

    internal static List<PoolMember> InPoolOrder(IReadOnlyList<PoolMember> pool)
    {
        var ordered = pool.OrderBy(m => m.Index).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
        var duplicate = ordered.GroupBy(m => m.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"candidate {duplicate.Key} is in the pool twice", nameof(pool));
        }

        return ordered;
    }

    private static bool IsBetter(double mean, PoolMember member, double bestMean, PoolMember best)
    {
        if (Math.Abs(mean - bestMean) > TieTolerance)
        {
            return mean > bestMean;
        }

        if (member.ValScores.Count != best.ValScores.Count)
        {
            return member.ValScores.Count > best.ValScores.Count;
        }

        return member.Index < best.Index;
    }
}

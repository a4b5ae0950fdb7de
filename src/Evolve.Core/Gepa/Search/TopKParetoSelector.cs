namespace Evolve.Core.Gepa.Search;

/// <summary>
/// Uniform choice among the k survivors of the front with the highest mean validation score:
/// less exploration than <see cref="ParetoSelector"/>, more than <see cref="BestSelector"/>.
/// </summary>
public sealed class TopKParetoSelector : IParentSelector
{
    /// <summary>GEPA's default k.</summary>
    public const int DefaultK = 5;

    /// <summary>Creates the selector.</summary>
    /// <param name="k">How many top survivors to choose among, at least 1; default <see cref="DefaultK"/>.</param>
    public TopKParetoSelector(int k = DefaultK)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        K = k;
    }

    /// <summary>How many top survivors are candidates.</summary>
    public int K { get; }

    /// <inheritdoc />
    /// <remarks>Survivors are ranked by mean, ties by lower index; with no survivors it falls back to the best member.</remarks>
    public PoolMember Select(IReadOnlyList<PoolMember> pool, ParetoFront front, Random rng)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(front);
        ArgumentNullException.ThrowIfNull(rng);
        if (front.Size == 0)
        {
            return ParetoFront.Best(pool);
        }

        var top = front.Survivors
            .Select(id => SelectorPool.Find(pool, id))
            .Select(m => (Member: m, m.Mean))
            .OrderByDescending(x => x.Mean)
            .ThenBy(x => x.Member.Index)
            .Take(K)
            .ToList();
        return top[rng.Next(top.Count)].Member;
    }
}

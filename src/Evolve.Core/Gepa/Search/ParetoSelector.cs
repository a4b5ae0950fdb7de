namespace Evolve.Core.Gepa.Search;

/// <summary>
/// GEPA's default: samples a survivor of the front with probability proportional to the number of
/// case fronts it is on, so members that are best on many cases are tried more often while a member
/// that alone solves one case still gets its turn.
/// </summary>
public sealed class ParetoSelector : IParentSelector
{
    /// <inheritdoc />
    /// <remarks>Falls back to <see cref="ParetoFront.Best"/> when no survivor is on any front (no validation scores yet).</remarks>
    public PoolMember Select(IReadOnlyList<PoolMember> pool, ParetoFront front, Random rng)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(front);
        ArgumentNullException.ThrowIfNull(rng);

        var total = front.Survivors.Sum(front.FrontCount);
        if (total == 0)
        {
            return ParetoFront.Best(pool);
        }

        // Survivors are in pool order, so the cumulative walk is deterministic for a given draw.
        var draw = rng.Next(total);
        foreach (var id in front.Survivors)
        {
            draw -= front.FrontCount(id);
            if (draw < 0)
            {
                return SelectorPool.Find(pool, id);
            }
        }

        throw new InvalidOperationException("front counts changed during sampling");
    }
}

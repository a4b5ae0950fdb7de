namespace Evolve.Core.Gepa.Search;

/// <summary>Chooses the pool member the next reflective mutation starts from.</summary>
public interface IParentSelector
{
    /// <summary>
    /// Picks a parent. All randomness comes from <paramref name="rng"/>, so the same pool, front and
    /// seeded generator always give the same parent.
    /// </summary>
    /// <param name="pool">Every member of the pool; must not be empty.</param>
    /// <param name="front">The front built from <paramref name="pool"/>.</param>
    /// <param name="rng">The engine's seeded generator for this generation.</param>
    PoolMember Select(IReadOnlyList<PoolMember> pool, ParetoFront front, Random rng);
}

namespace Evolve.Core.Gepa.Search;

/// <summary>Always starts from the current best member (<see cref="ParetoFront.Best"/>): pure exploitation.</summary>
public sealed class BestSelector : IParentSelector
{
    /// <inheritdoc />
    public PoolMember Select(IReadOnlyList<PoolMember> pool, ParetoFront front, Random rng) => ParetoFront.Best(pool);
}

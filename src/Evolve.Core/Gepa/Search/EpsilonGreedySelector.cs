namespace Evolve.Core.Gepa.Search;

/// <summary>
/// With probability epsilon a uniformly random pool member, otherwise the current best
/// (<see cref="ParetoFront.Best"/>).
/// </summary>
public sealed class EpsilonGreedySelector : IParentSelector
{
    /// <summary>GEPA's default exploration rate.</summary>
    public const double DefaultEpsilon = 0.1;

    /// <summary>Creates the selector.</summary>
    /// <param name="epsilon">Probability of a random pick, in [0,1]; default <see cref="DefaultEpsilon"/>.</param>
    public EpsilonGreedySelector(double epsilon = DefaultEpsilon)
    {
        if (!(epsilon is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "must be between 0 and 1");
        }

        Epsilon = epsilon;
    }

    /// <summary>Probability of a random pick.</summary>
    public double Epsilon { get; }

    /// <inheritdoc />
    public PoolMember Select(IReadOnlyList<PoolMember> pool, ParetoFront front, Random rng)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(rng);
        if (rng.NextDouble() < Epsilon)
        {
            var ordered = ParetoFront.InPoolOrder(pool);
            return ordered[rng.Next(ordered.Count)];
        }

        return ParetoFront.Best(pool);
    }
}

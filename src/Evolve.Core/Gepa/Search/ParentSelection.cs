namespace Evolve.Core.Gepa.Search;

/// <summary>How the search picks the parent it mutates next (<c>--selection</c>).</summary>
public enum ParentSelection
{
    /// <summary><see cref="ParetoSelector"/>: a front member, weighted by the case fronts it is on (the default).</summary>
    Pareto,

    /// <summary><see cref="BestSelector"/>: always the best by validation mean.</summary>
    Best,

    /// <summary><see cref="EpsilonGreedySelector"/>: the best, or with probability 0.1 a random pool member.</summary>
    Epsilon,

    /// <summary><see cref="TopKParetoSelector"/>: uniform among the front's five best by validation mean.</summary>
    TopK,
}

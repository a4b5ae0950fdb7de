namespace Evolve.Core.Suites;

/// <summary>Which part of a suite a case belongs to. The optimizer never sees <see cref="Holdout"/>.</summary>
public enum Split
{
    /// <summary>Minibatches for reflection.</summary>
    Train,

    /// <summary>Validation: the Pareto front and acceptance.</summary>
    Val,

    /// <summary>Held out: the final check against the seed.</summary>
    Holdout,
}

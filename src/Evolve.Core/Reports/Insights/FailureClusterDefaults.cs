namespace Evolve.Core.Reports.Insights;

/// <summary>Defaults and fixed constants of <see cref="FailureClusters"/>.</summary>
public static class FailureClusterDefaults
{
    /// <summary>Default upper bound on the number of clusters: more than a handful stops being a summary.</summary>
    public const int MaxClusters = 6;

    /// <summary>Default seed of the sampling and of k-means initialisation.</summary>
    public const int Seed = 0;

    /// <summary>
    /// Default number of distinct feedback texts that k-means is trained on; above it a seeded
    /// sample is trained on and every text is then assigned to its nearest cluster.
    /// </summary>
    public const int MaxInputs = 5000;

    /// <summary>Most terms in a label.</summary>
    public const int LabelTerms = 4;

    /// <summary>Most example feedback texts per cluster.</summary>
    public const int Examples = 3;
}

namespace Evolve.Core.Stats;

/// <summary>Defaults and fixed constants of <see cref="PairedComparison"/>.</summary>
public static class PairedComparisonDefaults
{
    /// <summary>Default confidence level of the interval; the tests use alpha = 1 - confidence.</summary>
    public const double Confidence = 0.95;

    /// <summary>Default number of bootstrap resamples.</summary>
    public const int Resamples = 10_000;

    /// <summary>Default bootstrap seed, so the same pairs always give the same interval.</summary>
    public const int Seed = 0;

    /// <summary>
    /// Default minimum number of shared cases for a verdict. Below 6 cases no exact two-sided
    /// test can reach p &lt; 0.05 anyway (5 of 5 gives p = 0.0625), so 5 is the least that can be
    /// called "data"; fewer gives <see cref="Verdict.InsufficientData"/>.
    /// </summary>
    public const int MinimumPairs = 5;

    /// <summary>Score differences within this distance of 0 count as ties.</summary>
    public const double TieTolerance = 1e-9;

    /// <summary>
    /// Bound on |effect size|. A constant non-zero difference has standard deviation 0 and an
    /// infinite d_z; it is reported as +/- this cap instead, so JSON and reports stay finite.
    /// </summary>
    public const double EffectSizeCap = 10;
}

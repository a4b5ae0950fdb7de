namespace Evolve.Core.Stats;

/// <summary>Everything a paired comparison of B against A found; differences are B - A.</summary>
public sealed record PairedComparisonResult
{
    /// <summary>Number of shared cases.</summary>
    public required int N { get; init; }

    /// <summary>Mean score of A (0 when there are no cases).</summary>
    public required double MeanA { get; init; }

    /// <summary>Mean score of B (0 when there are no cases).</summary>
    public required double MeanB { get; init; }

    /// <summary>Mean of the per-case differences B - A (0 when there are no cases).</summary>
    public required double MeanDifference { get; init; }

    /// <summary>Paired bootstrap percentile interval of <see cref="MeanDifference"/>.</summary>
    public required ConfidenceInterval DifferenceInterval { get; init; }

    /// <summary>Fraction of cases A passed.</summary>
    public required double PassRateA { get; init; }

    /// <summary>Fraction of cases B passed.</summary>
    public required double PassRateB { get; init; }

    /// <summary>McNemar's b: cases A passed and B failed.</summary>
    public required int APassBFail { get; init; }

    /// <summary>McNemar's c: cases A failed and B passed.</summary>
    public required int AFailBPass { get; init; }

    /// <summary>Exact two-sided McNemar p-value on pass/fail (1 without discordant cases).</summary>
    public required double McNemarP { get; init; }

    /// <summary>Cases where B scored higher than A by more than the tie tolerance.</summary>
    public required int Wins { get; init; }

    /// <summary>Cases where the scores are within the tie tolerance.</summary>
    public required int Ties { get; init; }

    /// <summary>Cases where B scored lower than A by more than the tie tolerance.</summary>
    public required int Losses { get; init; }

    /// <summary>Exact two-sided sign test p-value on wins against losses (ties dropped).</summary>
    public required double SignTestP { get; init; }

    /// <summary>
    /// The p-value the verdict rests on: the smaller of <see cref="McNemarP"/> and
    /// <see cref="SignTestP"/> among the tests that point the same way as
    /// <see cref="MeanDifference"/>; 1 when none does or the mean difference is 0. Feed these to
    /// <see cref="Holm.Adjust"/> when many candidates are compared with one baseline.
    /// </summary>
    public required double PValue { get; init; }

    /// <summary>
    /// Paired Cohen's d_z: mean difference / sample standard deviation of the differences,
    /// clamped to +/- <see cref="PairedComparisonDefaults.EffectSizeCap"/>; 0 when the
    /// differences are all 0 or there are fewer than 2 cases.
    /// </summary>
    public required double EffectSize { get; init; }

    /// <summary>Which candidate is better, if the evidence says so.</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>The verdict in one sentence with its numbers, for logs and reports.</summary>
    public required string Explanation { get; init; }
}

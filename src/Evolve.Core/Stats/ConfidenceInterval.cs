namespace Evolve.Core.Stats;

/// <summary>A two-sided confidence interval [Lower, Upper] at the given level.</summary>
/// <param name="Lower">Lower bound.</param>
/// <param name="Upper">Upper bound, never below <paramref name="Lower"/>.</param>
/// <param name="Level">Confidence level in (0, 1), e.g. 0.95.</param>
public readonly record struct ConfidenceInterval(double Lower, double Upper, double Level)
{
    /// <summary>True when <paramref name="value"/> lies inside the interval, bounds included.</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;
}

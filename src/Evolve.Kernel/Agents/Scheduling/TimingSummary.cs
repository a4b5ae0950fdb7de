namespace Evolve.Kernel.Agents.Scheduling;

/// <summary>Mean and nearest-rank percentiles of one kind of duration; all zero when there were no calls.</summary>
/// <param name="Mean">The arithmetic mean.</param>
/// <param name="P50">The median (nearest rank).</param>
/// <param name="P95">The 95th percentile (nearest rank).</param>
public sealed record TimingSummary(TimeSpan Mean, TimeSpan P50, TimeSpan P95)
{
    /// <summary>Summarizes <paramref name="durations"/>.</summary>
    internal static TimingSummary Of(IReadOnlyCollection<TimeSpan> durations)
    {
        if (durations.Count == 0)
        {
            return new TimingSummary(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
        }

        var sorted = durations.Order().ToArray();
        var mean = TimeSpan.FromTicks((long)sorted.Average(d => (double)d.Ticks));
        return new TimingSummary(mean, NearestRank(sorted, 0.50), NearestRank(sorted, 0.95));
    }

    // Nearest rank always returns an observed duration, which reads better in reports than an interpolation.
    private static TimeSpan NearestRank(TimeSpan[] sorted, double percentile) =>
        sorted[Math.Max(0, (int)Math.Ceiling(percentile * sorted.Length) - 1)];
}

namespace Evolve.Core.Stats;

/// <summary>
/// Paired bootstrap of the mean difference: resample cases with replacement (keeping each case's
/// A and B together) and take percentiles of the resampled means.
/// </summary>
internal static class PairedBootstrap
{
    /// <summary>
    /// Percentile interval of the mean of <paramref name="differences"/> at the given confidence,
    /// from <paramref name="resamples"/> resamples drawn with <paramref name="random"/>.
    /// Empty input gives [0, 0].
    /// </summary>
    public static ConfidenceInterval MeanInterval(IReadOnlyList<double> differences, double confidence, int resamples, Random random)
    {
        var n = differences.Count;
        if (n == 0)
        {
            return new ConfidenceInterval(0, 0, confidence);
        }

        var means = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                sum += differences[random.Next(n)] - differences[0];
            }

            means[r] = differences[0] + (sum / n);
        }

        Array.Sort(means);
        var alpha = 1 - confidence;
        return new ConfidenceInterval(Quantile(means, alpha / 2), Quantile(means, 1 - (alpha / 2)), confidence);
    }

    /// <summary>
    /// Mean computed as an offset from the first value, so that a constant input returns that
    /// constant bit for bit (a plain sum / n can be off by one ulp).
    /// </summary>
    public static double Mean(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sum = 0.0;
        foreach (var value in values)
        {
            sum += value - values[0];
        }

        return values[0] + (sum / values.Count);
    }

    // Linear interpolation between order statistics (Hyndman-Fan type 7, as numpy's default);
    // equal neighbours give their value exactly.
    private static double Quantile(double[] sorted, double q)
    {
        var h = (sorted.Length - 1) * q;
        var lower = (int)Math.Floor(h);
        if (lower >= sorted.Length - 1)
        {
            return sorted[^1];
        }

        var fraction = h - lower;
        return sorted[lower] + (fraction * (sorted[lower + 1] - sorted[lower]));
    }
}

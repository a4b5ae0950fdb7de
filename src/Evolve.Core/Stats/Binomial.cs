namespace Evolve.Core.Stats;

/// <summary>
/// Exact binomial probabilities, summed in log space so that tails stay accurate (no overflow of
/// n choose k, no underflow of p^n) for n up to several thousand trials.
/// </summary>
public static class Binomial
{
    /// <summary>log P(X = k) for X ~ Bin(n, p); negative infinity when the probability is 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">n &lt; 0, k outside [0, n], or p outside [0, 1].</exception>
    public static double LogProbability(int k, int n, double p)
    {
        Check(k, n, p);
        return LogCombinations(n, k) + LogPowers(k, n, p);
    }

    /// <summary>P(X &lt;= k) for X ~ Bin(n, p), in [0, 1].</summary>
    /// <exception cref="ArgumentOutOfRangeException">n &lt; 0, k outside [0, n], or p outside [0, 1].</exception>
    public static double CumulativeProbability(int k, int n, double p)
    {
        Check(k, n, p);
        if (k == n)
        {
            return 1;
        }

        // Terms are built incrementally (log C(n, i+1) = log C(n, i) + log(n-i) - log(i+1)) and
        // combined with log-sum-exp around the largest term, so nothing overflows or underflows
        // before the final exponent.
        var terms = new double[k + 1];
        var logCombinations = 0.0;
        var max = double.NegativeInfinity;
        for (var i = 0; i <= k; i++)
        {
            terms[i] = logCombinations + LogPowers(i, n, p);
            max = Math.Max(max, terms[i]);
            logCombinations += Math.Log(n - i) - Math.Log(i + 1);
        }

        if (double.IsNegativeInfinity(max))
        {
            return 0;
        }

        var sum = 0.0;
        foreach (var term in terms)
        {
            sum += Math.Exp(term - max);
        }

        return Math.Min(1, Math.Exp(max + Math.Log(sum)));
    }

    /// <summary>
    /// Exact two-sided p-value of observing <paramref name="k"/> successes in
    /// <paramref name="n"/> fair trials (p = 0.5): min(1, 2 P(X &lt;= min(k, n - k))).
    /// Returns 1 when n is 0 (no evidence either way).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">n &lt; 0 or k outside [0, n].</exception>
    public static double TwoSidedPValue(int k, int n)
    {
        Check(k, n, 0.5);
        if (n == 0)
        {
            return 1;
        }

        return Math.Min(1, 2 * CumulativeProbability(Math.Min(k, n - k), n, 0.5));
    }

    private static double LogCombinations(int n, int k)
    {
        k = Math.Min(k, n - k);
        var sum = 0.0;
        for (var i = 1; i <= k; i++)
        {
            sum += Math.Log(n - k + i) - Math.Log(i);
        }

        return sum;
    }

    // k log p + (n-k) log(1-p), treating 0 * log 0 as 0 so p = 0 and p = 1 give exact answers.
    private static double LogPowers(int k, int n, double p)
    {
        var successes = k == 0 ? 0 : k * Math.Log(p);
        var failures = n - k == 0 ? 0 : (n - k) * Math.Log(1 - p);
        return successes + failures;
    }

    private static void Check(int k, int n, double p)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, n);
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "a probability must be in [0, 1]");
        }
    }
}

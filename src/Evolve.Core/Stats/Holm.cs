namespace Evolve.Core.Stats;

/// <summary>
/// Holm-Bonferroni step-down correction, used when many candidates are each compared with the
/// seed: it controls the chance of any false "B beats A" without Bonferroni's loss of power.
/// </summary>
public static class Holm
{
    /// <summary>
    /// Adjusted p-values in input order. With the m p-values sorted ascending as p(1..m), the
    /// adjusted p(i) is min(1, max over j &lt;= i of (m - j + 1) p(j)); the running maximum keeps
    /// them monotone in the raw p-values. Compare each adjusted value with alpha directly.
    /// </summary>
    /// <exception cref="ArgumentException">A p-value is NaN or outside [0, 1].</exception>
    public static IReadOnlyList<double> Adjust(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        for (var i = 0; i < pValues.Count; i++)
        {
            if (!(pValues[i] >= 0 && pValues[i] <= 1))
            {
                throw new ArgumentException($"p-value {i} is {pValues[i]}; p-values must be in [0, 1]", nameof(pValues));
            }
        }

        var m = pValues.Count;
        // OrderBy is stable, so equal p-values keep input order; the running maximum then gives
        // them the same adjusted value whatever that order is.
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ToArray();
        var adjusted = new double[m];
        var runningMax = 0.0;
        for (var rank = 0; rank < m; rank++)
        {
            var index = order[rank];
            runningMax = Math.Max(runningMax, Math.Min(1, (m - rank) * pValues[index]));
            adjusted[index] = runningMax;
        }

        return adjusted;
    }
}

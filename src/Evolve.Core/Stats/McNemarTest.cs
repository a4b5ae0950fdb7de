namespace Evolve.Core.Stats;

/// <summary>
/// Exact McNemar test on paired pass/fail outcomes. Only discordant cases carry information:
/// under "A and B pass equally often" each discordant case is a fair coin flip.
/// </summary>
public static class McNemarTest
{
    /// <summary>
    /// Two-sided exact p-value: min(1, 2 P(X &lt;= min(b, c))) with X ~ Bin(b + c, 0.5);
    /// 1 when there are no discordant cases.
    /// </summary>
    /// <param name="aPassBFail">b: cases A passed and B failed.</param>
    /// <param name="aFailBPass">c: cases A failed and B passed.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public static double PValue(int aPassBFail, int aFailBPass)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(aPassBFail);
        ArgumentOutOfRangeException.ThrowIfNegative(aFailBPass);
        return Binomial.TwoSidedPValue(aPassBFail, aPassBFail + aFailBPass);
    }
}

namespace Evolve.Core.Stats;

/// <summary>
/// Exact sign test on paired score differences. Ties are dropped by the caller (they say
/// nothing about direction); each remaining case is a fair coin flip under "no difference".
/// </summary>
public static class SignTest
{
    /// <summary>
    /// Two-sided exact p-value: min(1, 2 P(X &lt;= min(wins, losses))) with
    /// X ~ Bin(wins + losses, 0.5); 1 when every case is a tie.
    /// </summary>
    /// <param name="wins">Cases where B scored higher than A.</param>
    /// <param name="losses">Cases where B scored lower than A.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public static double PValue(int wins, int losses)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(wins);
        ArgumentOutOfRangeException.ThrowIfNegative(losses);
        return Binomial.TwoSidedPValue(wins, wins + losses);
    }
}

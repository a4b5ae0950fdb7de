namespace Evolve.Core.Scoring.Text;

/// <summary>Threshold comparisons for graded scores.</summary>
internal static class Graded
{
    // 3 of 4 is 0.75 but an F1 of 0.6 recall and 1.0 precision is 0.7499999999999999: a score
    // that reaches its threshold up to rounding must pass.
    private const double Epsilon = 1e-9;

    /// <summary>True when <paramref name="value"/> reaches <paramref name="threshold"/>, allowing for rounding.</summary>
    public static bool Reaches(double value, double threshold) => value >= threshold - Epsilon;
}

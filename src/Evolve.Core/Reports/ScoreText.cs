using System.Globalization;

namespace Evolve.Core.Reports;

/// <summary>How a score and a score difference read in every report and summary (run report, compare, run summary), so they never disagree.</summary>
public static class ScoreText
{
    /// <summary>A score in [0, 1] to three decimals.</summary>
    public static string Score(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>A difference of scores to three decimals, always signed except at zero.</summary>
    public static string Signed(double value) => value.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture);
}

using System.Globalization;

namespace Evolve.Core.Stats;

/// <summary>Writes the one-sentence explanation of a <see cref="PairedComparisonResult"/>.</summary>
internal static class PairedComparisonExplanation
{
    /// <summary>
    /// E.g. "B beats A by +0.120 (95% CI +0.050 to +0.190, McNemar p = 0.004, 9 wins / 2 losses
    /// over 40 cases)". A winning sentence names one test that carries the verdict (McNemar when
    /// it can, else the sign test); an undecided one gives both p-values.
    /// </summary>
    public static string Write(PairedComparisonResult result, int minimumPairs, string a = "A", string b = "B")
    {
        var ci = result.DifferenceInterval;
        var interval = $"{Percent(ci.Level)}% CI {Signed(ci.Lower)} to {Signed(ci.Upper)}";
        var counts = $"{result.Wins} {Plural(result.Wins, "win")} / {result.Losses} {Plural(result.Losses, "loss")}";
        var cases = $"{result.N} {Plural(result.N, "case")}";
        var difference = $"{b} - {a} = {Signed(result.MeanDifference)}";

        switch (result.Verdict)
        {
            case Verdict.InsufficientData:
                return $"not enough data: {result.N} shared {Plural(result.N, "case")}, at least {minimumPairs} are needed to compare {a} and {b}";
            case Verdict.BBetter:
                return $"{b} beats {a} by {Signed(result.MeanDifference)} ({interval}, {DecidingTest(result)}, {counts} over {cases})";
            case Verdict.ABetter:
                return $"{a} beats {b} by {Unsigned(-result.MeanDifference)} ({difference}, {interval}, {DecidingTest(result)}, {counts} for {b} over {cases})";
            case Verdict.Inconclusive:
                // The interval alone would call it; saying "no evidence of a difference" here would contradict it.
                return $"no verdict: {difference} and its {Percent(ci.Level)}% CI ({Signed(ci.Lower)} to {Signed(ci.Upper)}) excludes 0, "
                    + $"but no exact test backs it at p < {Alpha(ci.Level)} ({McNemar(result)}{Against(result)}, {Sign(result)}; {counts} over {cases})";
            default:
                return $"not enough evidence that {a} and {b} differ: {difference} ({interval}, {McNemar(result)}, {Sign(result)}, {counts} over {cases})";
        }
    }

    private static string Against(PairedComparisonResult result) =>
        Math.Sign(result.AFailBPass - result.APassBFail) is var direction && direction != 0 && direction != Math.Sign(result.MeanDifference) ? " points the other way" : "";

    private static string Alpha(double level) => (1 - level).ToString("0.##", CultureInfo.InvariantCulture);

    // Pass/fail is the headline people read, so McNemar is named whenever it alone would carry
    // the verdict, even if the sign test's p is smaller.
    private static string DecidingTest(PairedComparisonResult result)
    {
        var mcNemarAgrees = Math.Sign(result.AFailBPass - result.APassBFail) == Math.Sign(result.MeanDifference);
        return mcNemarAgrees && result.McNemarP < 1 - result.DifferenceInterval.Level ? McNemar(result) : Sign(result);
    }

    private static string McNemar(PairedComparisonResult result) => $"McNemar {P(result.McNemarP)}";

    private static string Sign(PairedComparisonResult result) => $"sign test {P(result.SignTestP)}";

    private static string P(double p) =>
        p < 0.001 ? "p < 0.001" : "p = " + p.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Signed(double value) => value.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture);

    private static string Unsigned(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Percent(double level) => (level * 100).ToString("0.##", CultureInfo.InvariantCulture);

    private static string Plural(int count, string noun) =>
        count == 1 ? noun : noun.EndsWith('s') ? noun + "es" : noun + "s";
}

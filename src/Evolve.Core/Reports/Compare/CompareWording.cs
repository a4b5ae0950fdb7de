using System.Globalization;
using Evolve.Core.Stats;

namespace Evolve.Core.Reports.Compare;

/// <summary>The words and number formats every compare output shares (terminal, Markdown, HTML), so they never disagree.</summary>
internal static class CompareWording
{
    /// <summary>
    /// The verdict as a short headline naming the sides (<paramref name="a"/> the baseline). The
    /// statistics' explanation follows it with the numbers; the headline says the cases a reader
    /// could misread: too few cases, and identical scores.
    /// </summary>
    public static string Headline(PairedComparisonResult s, string a, string b) => s.Verdict switch
    {
        Verdict.InsufficientData => $"Insufficient data: {s.N} shared {Cases(s.N)}, at least {PairedComparisonDefaults.MinimumPairs} are needed for a verdict.",
        Verdict.BBetter => $"{b} is better than {a}.",
        Verdict.ABetter => $"{a} is better than {b}.",
        Verdict.Inconclusive => $"Inconclusive: the interval excludes 0, but no exact test backs a difference between {a} and {b}.",
        _ when s.N > 0 && s.Ties == s.N => $"No difference: {a} and {b} scored the same on all {s.N} cases.",
        _ => $"No significant difference between {a} and {b}.",
    };

    /// <summary>Remarks on the tests that carried no information, so a p of 1 is not read as evidence of sameness.</summary>
    public static IReadOnlyList<string> Notes(PairedComparisonResult s, string a, string b)
    {
        var notes = new List<string>();
        if (s.N > 0 && s.APassBFail + s.AFailBPass == 0)
        {
            notes.Add($"McNemar: no discordant cases ({a} and {b} pass and fail the same cases), so pass/fail cannot tell them apart (p = 1).");
        }

        if (s.N > 0 && s.Wins + s.Losses == 0)
        {
            notes.Add("Sign test: every case is a tie, so it has nothing to test (p = 1).");
        }

        // Five of five one way gives p = 2 / 2^5 = 0.0625: six cases is the least any exact test here can call significant.
        if (s.N is > 0 and < 6)
        {
            notes.Add("With fewer than 6 cases no exact two-sided test can reach p < 0.05; add cases or use --split all.");
        }

        return notes;
    }

    public static string Cases(int n) => n == 1 ? "case" : "cases";

    public static string P(double p) => p < 0.001 ? "< 0.001" : p.ToString("0.###", CultureInfo.InvariantCulture);

    public static string Pass(bool pass) => pass ? "pass" : "fail";

    public static string Interval(ConfidenceInterval ci) =>
        string.Create(CultureInfo.InvariantCulture, $"{ci.Level * 100:0.##}% CI [{ScoreText.Signed(ci.Lower)}, {ScoreText.Signed(ci.Upper)}]");

    public static string EffectSize(double d) => d.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);

    /// <summary>The rows of the statistics table (name, value), the sides named by <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static IReadOnlyList<(string Name, string Value)> StatisticsRows(PairedComparisonResult s, string a, string b) =>
    [
        ("shared cases", s.N.ToString(CultureInfo.InvariantCulture)),
        ($"mean score {a}", ScoreText.Score(s.MeanA)),
        ($"mean score {b}", ScoreText.Score(s.MeanB)),
        ($"mean difference {b} - {a}", ScoreText.Signed(s.MeanDifference)),
        ("paired bootstrap interval", Interval(s.DifferenceInterval)),
        ($"pass rate {a} / {b}", string.Create(CultureInfo.InvariantCulture, $"{s.PassRateA * 100:0.#}% / {s.PassRateB * 100:0.#}%")),
        ("McNemar exact p (pass/fail)", $"{P(s.McNemarP)} ({a} pass {b} fail {s.APassBFail}, {a} fail {b} pass {s.AFailBPass})"),
        ("sign test exact p (scores)", P(s.SignTestP)),
        ($"wins / ties / losses for {b}", $"{s.Wins} / {s.Ties} / {s.Losses}"),
        ("effect size (paired d_z)", EffectSize(s.EffectSize)
            + (Math.Abs(s.EffectSize) == PairedComparisonDefaults.EffectSizeCap ? " (capped: the differences do not vary)" : "")),
        ("verdict", VerdictWords.Of(s.Verdict, a, b)),
    ];
}

namespace Evolve.Core.Stats;

/// <summary>
/// Decides whether candidate B beats candidate A on the same cases: paired bootstrap interval of
/// the mean difference, exact McNemar on pass/fail, exact sign test on scores, win/tie/loss
/// counts and effect size. Pure and deterministic for a given seed.
/// </summary>
public static class PairedComparison
{
    /// <summary>
    /// Compares B against A. The verdict is <see cref="Verdict.BBetter"/> when the interval's
    /// lower bound is above 0 and McNemar (with more A-fail/B-pass than A-pass/B-fail cases) or
    /// the sign test (with more wins than losses) gives p &lt; alpha = 1 - confidence, that is
    /// when <see cref="PairedComparisonResult.PValue"/> &lt; alpha; <see cref="Verdict.ABetter"/>
    /// is the mirror image. A test pointing the other way from the mean difference does not count.
    /// Fewer pairs than <see cref="PairedComparisonOptions.MinimumPairs"/> give
    /// <see cref="Verdict.InsufficientData"/>, with every statistic still filled in.
    /// </summary>
    /// <param name="pairs">One observation per shared case; case ids must be unique.</param>
    /// <param name="options">Options; null means the defaults.</param>
    /// <exception cref="Kernel.InputException">The options are invalid.</exception>
    /// <exception cref="ArgumentException">A score is not in [0, 1] or a case id repeats.</exception>
    public static PairedComparisonResult Compare(IReadOnlyList<PairedObservation> pairs, PairedComparisonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        options ??= new PairedComparisonOptions();
        options.Validate();
        CheckPairs(pairs);

        var n = pairs.Count;
        var differences = pairs.Select(p => p.B - p.A).ToArray();
        var meanDifference = PairedBootstrap.Mean(differences);
        var interval = PairedBootstrap.MeanInterval(differences, options.Confidence, options.Resamples, new Random(options.Seed));

        var b = pairs.Count(p => p.APass && !p.BPass);
        var c = pairs.Count(p => !p.APass && p.BPass);
        var wins = differences.Count(d => d > PairedComparisonDefaults.TieTolerance);
        var losses = differences.Count(d => d < -PairedComparisonDefaults.TieTolerance);
        var mcNemarP = McNemarTest.PValue(b, c);
        var signP = SignTest.PValue(wins, losses);

        var mcNemarAgrees = Math.Sign(c - b) == Math.Sign(meanDifference);
        var signAgrees = Math.Sign(wins - losses) == Math.Sign(meanDifference);
        var pValue = meanDifference == 0 ? 1 : Math.Min(mcNemarAgrees ? mcNemarP : 1, signAgrees ? signP : 1);

        var significant = pValue < 1 - options.Confidence;
        var verdict = n < options.MinimumPairs ? Verdict.InsufficientData
            : significant && interval.Lower > 0 && meanDifference > 0 ? Verdict.BBetter
            : significant && interval.Upper < 0 && meanDifference < 0 ? Verdict.ABetter
            : interval.Lower > 0 || interval.Upper < 0 ? Verdict.Inconclusive
            : Verdict.NoSignificantDifference;

        var result = new PairedComparisonResult
        {
            N = n,
            MeanA = n == 0 ? 0 : pairs.Average(p => p.A),
            MeanB = n == 0 ? 0 : pairs.Average(p => p.B),
            MeanDifference = meanDifference,
            DifferenceInterval = interval,
            PassRateA = n == 0 ? 0 : (double)pairs.Count(p => p.APass) / n,
            PassRateB = n == 0 ? 0 : (double)pairs.Count(p => p.BPass) / n,
            APassBFail = b,
            AFailBPass = c,
            McNemarP = mcNemarP,
            Wins = wins,
            Ties = n - wins - losses,
            Losses = losses,
            SignTestP = signP,
            PValue = pValue,
            EffectSize = EffectSize(differences, meanDifference),
            Verdict = verdict,
            Explanation = string.Empty,
        };
        return result with { Explanation = PairedComparisonExplanation.Write(result, options.MinimumPairs) };
    }

    /// <summary>
    /// The result's one-sentence explanation with the sides named (e.g. "seed" and "best", or the
    /// references compared) instead of A and B.
    /// </summary>
    /// <param name="result">A comparison.</param>
    /// <param name="a">The baseline's name.</param>
    /// <param name="b">The challenger's name.</param>
    /// <param name="minimumPairs">The fewest shared cases that allow a verdict (default <see cref="PairedComparisonDefaults.MinimumPairs"/>).</param>
    public static string Explain(PairedComparisonResult result, string a, string b, int minimumPairs = PairedComparisonDefaults.MinimumPairs)
    {
        ArgumentNullException.ThrowIfNull(result);
        return PairedComparisonExplanation.Write(result, minimumPairs, a, b);
    }

    private static double EffectSize(double[] differences, double mean)
    {
        if (differences.Length < 2)
        {
            return 0;
        }

        var sd = Math.Sqrt(differences.Sum(d => (d - mean) * (d - mean)) / (differences.Length - 1));
        if (sd == 0)
        {
            return mean == 0 ? 0 : Math.CopySign(PairedComparisonDefaults.EffectSizeCap, mean);
        }

        return Math.Clamp(mean / sd, -PairedComparisonDefaults.EffectSizeCap, PairedComparisonDefaults.EffectSizeCap);
    }

    private static void CheckPairs(IReadOnlyList<PairedObservation> pairs)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            ArgumentNullException.ThrowIfNull(pair, nameof(pairs));
            if (!(pair.A >= 0 && pair.A <= 1 && pair.B >= 0 && pair.B <= 1))
            {
                throw new ArgumentException($"case '{pair.CaseId}': scores must be in [0, 1], got A = {pair.A}, B = {pair.B}", nameof(pairs));
            }

            if (!seen.Add(pair.CaseId))
            {
                throw new ArgumentException($"case '{pair.CaseId}' appears more than once; average its repeats first", nameof(pairs));
            }
        }
    }
}

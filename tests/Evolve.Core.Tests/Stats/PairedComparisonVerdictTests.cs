using Evolve.Core.Stats;

namespace Evolve.Core.Tests.Stats;

public sealed class PairedComparisonVerdictTests
{
    // 40 cases, B = A + 0.2; pass means score >= 0.55, so exactly the cases with A in
    // [0.35, 0.55) (i = 18..27) flip from fail to pass: McNemar b = 0, c = 10.
    private static PairedObservation[] ClearlyBetterB() =>
        [.. Enumerable.Range(0, 40).Select(i => Pair(i, i / 50.0, (i / 50.0) + 0.2, 0.55))];

    [Fact]
    public void Compare_ClearlyBetterB_IsBBetterWithMcNemarInTheSentence()
    {
        var result = PairedComparison.Compare(ClearlyBetterB());

        Assert.Equal(Verdict.BBetter, result.Verdict);
        Assert.True(result.DifferenceInterval.Lower > 0);
        Assert.Equal((0, 10), (result.APassBFail, result.AFailBPass));
        // python3: 2 * 0.5**10 -> 0.001953125
        Assert.Equal(0.001953125, result.McNemarP, 15);
        // 40 wins of 40: sign test 2 * 0.5**40 is smaller than McNemar's and is the p for Holm.
        Assert.InRange(result.PValue / Math.Pow(0.5, 39), 1 - 1e-9, 1 + 1e-9);
        Assert.Equal(
            "B beats A by +0.200 (95% CI +0.200 to +0.200, McNemar p = 0.002, 40 wins / 0 losses over 40 cases)",
            result.Explanation);
    }

    [Fact]
    public void Compare_ClearlyBetterA_IsTheMirrorImage()
    {
        var swapped = ClearlyBetterB().Select(p => p with { A = p.B, B = p.A, APass = p.BPass, BPass = p.APass }).ToArray();

        var result = PairedComparison.Compare(swapped);

        Assert.Equal(Verdict.ABetter, result.Verdict);
        Assert.True(result.DifferenceInterval.Upper < 0);
        Assert.Equal(
            "A beats B by 0.200 (B - A = -0.200, 95% CI -0.200 to -0.200, McNemar p = 0.002, 0 wins / 40 losses for B over 40 cases)",
            result.Explanation);
    }

    [Fact]
    public void Compare_NoisyBetterB_IntervalExcludesZeroAndContainsTheMean()
    {
        // Differences 0.2 + {-0.1, -0.05, 0, 0.05, 0.1}, each residue 8 times: mean exactly 0.2.
        var pairs = Enumerable.Range(0, 40)
            .Select(i => Pair(i, i / 80.0, (i / 80.0) + 0.2 + ((((i * 7) % 5) - 2) * 0.05), 0.5))
            .ToArray();

        var result = PairedComparison.Compare(pairs);

        Assert.Equal(Verdict.BBetter, result.Verdict);
        Assert.Equal(0.2, result.MeanDifference, 9);
        Assert.True(result.DifferenceInterval.Lower > 0.15 && result.DifferenceInterval.Upper < 0.25, result.DifferenceInterval.ToString());
        Assert.True(result.DifferenceInterval.Contains(result.MeanDifference));
    }

    [Fact]
    public void Compare_OnlyScoresImprove_SignTestCarriesTheVerdict()
    {
        // Everyone passes; B is 0.1 higher on 10 of 12 cases. Sign test: 2 * 0.5**10 = 0.001953125.
        var pairs = Enumerable.Range(0, 12).Select(i => new PairedObservation($"c{i}", 0.6, i < 10 ? 0.7 : 0.6, true, true)).ToArray();

        var result = PairedComparison.Compare(pairs);

        Assert.Equal(Verdict.BBetter, result.Verdict);
        Assert.Equal(1.0, result.McNemarP);
        Assert.Equal(0.001953125, result.SignTestP, 15);
        Assert.Equal(result.SignTestP, result.PValue);
        Assert.StartsWith("B beats A by +0.083 (95% CI +", result.Explanation);
        Assert.EndsWith(", sign test p = 0.002, 10 wins / 0 losses over 12 cases)", result.Explanation);
    }

    [Fact]
    public void Compare_TestPointsAgainstTheInterval_IsInconclusive()
    {
        // 10 big score wins for B that stay failures, 10 tiny losses where B drops below the pass
        // mark, 10 ties. The mean says B, McNemar (b = 10, c = 0) says A: no verdict.
        var pairs = Enumerable.Range(0, 30).Select(i => (i / 10) switch
        {
            0 => new PairedObservation($"c{i}", 0.0, 0.45, false, false),
            1 => new PairedObservation($"c{i}", 0.51, 0.50, true, false),
            _ => new PairedObservation($"c{i}", 1.0, 1.0, true, true),
        }).ToArray();

        var result = PairedComparison.Compare(pairs);

        Assert.True(result.DifferenceInterval.Lower > 0);
        Assert.True(result.McNemarP < 0.05);
        Assert.Equal(1.0, result.PValue);
        Assert.Equal(Verdict.Inconclusive, result.Verdict);
        // The interval is above 0, so "not enough evidence that they differ" would contradict it.
        Assert.StartsWith("no verdict: B - A = +0.147 and its 95% CI (+", result.Explanation);
        Assert.EndsWith(") excludes 0, but no exact test backs it at p < 0.05 (McNemar p = 0.002 points the other way, sign test p = 1; 10 wins / 10 losses over 30 cases)", result.Explanation);
        Assert.DoesNotContain("not enough evidence", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_Names_ReplaceAAndB()
    {
        var result = PairedComparison.Compare(ClearlyBetterB());

        Assert.Equal(
            "best beats seed by +0.200 (95% CI +0.200 to +0.200, McNemar p = 0.002, 40 wins / 0 losses over 40 cases)",
            PairedComparison.Explain(result, "seed", "best"));
    }

    [Fact]
    public void Compare_SymmetricDifferences_IsNoSignificantDifference()
    {
        var pairs = Enumerable.Range(0, 40).Select(i => new PairedObservation($"c{i}", 0.5, i % 2 == 0 ? 0.6 : 0.4, true, true)).ToArray();

        var result = PairedComparison.Compare(pairs);

        Assert.Equal(Verdict.NoSignificantDifference, result.Verdict);
        Assert.True(result.DifferenceInterval.Contains(0));
        Assert.Equal((20, 0, 20), (result.Wins, result.Ties, result.Losses));
        Assert.Equal(1.0, result.SignTestP);
    }

    [Fact]
    public void Compare_OneCase_IsInsufficientDataButStillMeasured()
    {
        var result = PairedComparison.Compare([new PairedObservation("only", 0.25, 0.75, false, true)]);

        Assert.Equal(Verdict.InsufficientData, result.Verdict);
        Assert.Equal(0.5, result.MeanDifference);
        Assert.Equal(new ConfidenceInterval(0.5, 0.5, 0.95), result.DifferenceInterval);
        Assert.Equal("not enough data: 1 shared case, at least 5 are needed to compare A and B", result.Explanation);
    }

    [Fact]
    public void Compare_NoCases_IsInsufficientDataWithZeros()
    {
        var result = PairedComparison.Compare([]);

        Assert.Equal(Verdict.InsufficientData, result.Verdict);
        Assert.Equal((0, 0.0, 0.0, 0.0), (result.N, result.MeanA, result.MeanB, result.MeanDifference));
        Assert.Equal("not enough data: 0 shared cases, at least 5 are needed to compare A and B", result.Explanation);
    }

    [Fact]
    public void Compare_MinimumPairsOption_MovesTheInsufficientDataLine()
    {
        var pairs = ClearlyBetterB().Take(4).ToArray();

        Assert.Equal(Verdict.InsufficientData, PairedComparison.Compare(pairs).Verdict);
        var lowered = PairedComparison.Compare(pairs, new PairedComparisonOptions { MinimumPairs = 3 });
        // 4 of 4 wins: sign test p = 2 * 0.5**4 = 0.125, too few cases for significance, though the
        // constant difference puts the interval above 0: inconclusive.
        Assert.Equal(Verdict.Inconclusive, lowered.Verdict);
        Assert.Equal(0.125, lowered.SignTestP, 15);
    }

    private static PairedObservation Pair(int i, double a, double b, double passMark) =>
        new($"case-{i}", a, b, a >= passMark, b >= passMark);
}

using Evolve.Core.Reports.Compare;
using Evolve.Core.Stats;

namespace Evolve.Core.Tests.Reports.Compare;

/// <summary>The headline, the verdict word and the explanation come from one decision and never contradict the interval.</summary>
public sealed class CompareWordingTests
{
    public static TheoryData<string> Situations => ["above", "below", "spanning", "spanning-small-p", "excluding-no-test"];

    [Theory]
    [MemberData(nameof(Situations))]
    public void Wording_EverySituation_AgreesWithTheInterval(string situation)
    {
        var s = PairedComparison.Compare(Pairs(situation));
        var ci = s.DifferenceInterval;
        var words = new[] { CompareWording.Headline(s, "seed", "best"), VerdictWords.Of(s.Verdict, "seed", "best"), s.Explanation };

        if (ci.Contains(0))
        {
            Assert.All(words, w => Assert.DoesNotContain("better", w, StringComparison.OrdinalIgnoreCase));
            Assert.All(words, w => Assert.DoesNotContain("beats", w, StringComparison.OrdinalIgnoreCase));
        }
        else
        {
            Assert.All(words, w => Assert.DoesNotContain("no significant difference", w, StringComparison.OrdinalIgnoreCase));
            Assert.All(words, w => Assert.DoesNotContain("not enough evidence", w, StringComparison.OrdinalIgnoreCase));
        }

        var expected = situation switch
        {
            "above" => Verdict.BBetter,
            "below" => Verdict.ABetter,
            "excluding-no-test" => Verdict.Inconclusive,
            _ => Verdict.NoSignificantDifference,
        };
        Assert.Equal(expected, s.Verdict);
    }

    [Fact]
    public void Headline_IntervalExcludesZeroWithoutATest_SaysInconclusive()
    {
        var s = PairedComparison.Compare(Pairs("excluding-no-test"));

        Assert.Equal("Inconclusive: the interval excludes 0, but no exact test backs a difference between seed and best.", CompareWording.Headline(s, "seed", "best"));
    }

    private static PairedObservation[] Pairs(string situation) => situation switch
    {
        "above" => Range(40, i => new PairedObservation($"c{i}", 0.5, 0.7, false, true)),
        "below" => Range(40, i => new PairedObservation($"c{i}", 0.7, 0.5, true, false)),
        "spanning" => Range(40, i => new PairedObservation($"c{i}", 0.5, i % 2 == 0 ? 0.6 : 0.4, true, true)),
        // 30 small wins, 5 large losses: the sign test is tiny (p < 0.001) but the mean hardly moves.
        "spanning-small-p" => Range(40, i => new PairedObservation($"c{i}", 0.5, i < 30 ? 0.6 : i < 35 ? 0.0 : 0.5, true, true)),
        // Big score wins that stay failures against tiny losses that become failures: the interval is above 0, McNemar points the other way.
        _ => Range(30, i => (i / 10) switch
        {
            0 => new PairedObservation($"c{i}", 0.0, 0.45, false, false),
            1 => new PairedObservation($"c{i}", 0.51, 0.50, true, false),
            _ => new PairedObservation($"c{i}", 1.0, 1.0, true, true),
        }),
    };

    private static PairedObservation[] Range(int n, Func<int, PairedObservation> make) => Enumerable.Range(0, n).Select(make).ToArray();
}

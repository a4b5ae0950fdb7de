using Evolve.Core.Gepa.Search;

namespace Evolve.Core.Tests.Gepa.Search;

public sealed class FinalPickTests
{
    private static Dictionary<string, double> Scores(params double[] perCase) =>
        perCase.Select((s, i) => ($"c{i}", s)).ToDictionary(p => p.Item1, p => p.s);

    [Fact]
    public void Choose_SteadyGainBeatsLargerNoisyGain()
    {
        var seed = Scores(0.5, 0.5, 0.5, 0.5);
        // Noisy: +0.125 on average but one large loss; steady: +0.1 on every case.
        var noisy = Scores(1.0, 1.0, 0.5, 0.0);
        var steady = Scores(0.6, 0.6, 0.6, 0.6);

        var result = FinalPick.Choose(seed, [("noisy", noisy), ("steady", steady)]);

        Assert.Equal("steady", result.PickId);
        Assert.Equal(["steady", "noisy"], result.Ranked.Select(e => e.Id));
        var steadyEstimate = result.Ranked[0];
        Assert.Equal(0.1, steadyEstimate.Difference, 9);
        Assert.Equal(0, steadyEstimate.StandardError, 9);
        Assert.True(result.Ranked[1].LowerBound < steadyEstimate.LowerBound);
    }

    [Fact]
    public void Choose_NoContenderAboveTheSeed_KeepsTheSeed()
    {
        var seed = Scores(0.7, 0.6, 0.8);

        var result = FinalPick.Choose(seed, [("a", Scores(0.7, 0.6, 0.8)), ("b", Scores(0.5, 0.6, 0.8))]);

        Assert.True(result.KeptSeed);
        Assert.Null(result.PickId);
        Assert.Equal(0.7, result.SeedMean, 9);
    }

    [Fact]
    public void Choose_TopLowerBoundNotAboveSeed_PicksTheNextThatIs()
    {
        var seed = Scores(0.5, 0.5, 0.5, 0.5);
        // "tie" has difference 0 with no spread (bound 0); "gain" is +0.05 with spread (bound below 0).
        var result = FinalPick.Choose(seed, [("tie", Scores(0.5, 0.5, 0.5, 0.5)), ("gain", Scores(0.7, 0.5, 0.5, 0.5))]);

        Assert.Equal("tie", result.Ranked[0].Id);
        Assert.Equal("gain", result.PickId);
    }

    [Fact]
    public void Choose_EqualBounds_KeepsTheSearchOrder()
    {
        var seed = Scores(0.2, 0.2);

        var result = FinalPick.Choose(seed, [("first", Scores(0.4, 0.4)), ("second", Scores(0.4, 0.4))]);

        Assert.Equal("first", result.PickId);
    }

    [Fact]
    public void Choose_DifferenceIsPairedCaseByCase()
    {
        // Same mean as the seed's shifted by +0.1 everywhere: the pairing removes the case spread.
        var seed = Scores(0.1, 0.9, 0.3, 0.7);
        var result = FinalPick.Choose(seed, [("shifted", Scores(0.2, 1.0, 0.4, 0.8))]);

        var estimate = Assert.Single(result.Ranked);
        Assert.Equal(0.1, estimate.LowerBound, 9);
        Assert.Equal(0.6, estimate.Mean, 9);
    }
}

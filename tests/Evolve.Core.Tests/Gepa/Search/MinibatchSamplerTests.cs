using Evolve.Core.Gepa.Search;

namespace Evolve.Core.Tests.Gepa.Search;

public sealed class MinibatchSamplerTests
{
    private static readonly string[] Train = Enumerable.Range(0, 10).Select(i => $"t{i}").ToArray();

    [Fact]
    public void Take_DrawsWithinAnEpoch_CoverEveryIdOnce()
    {
        var sampler = new MinibatchSampler(Train, seed: 42);

        var epoch0 = Enumerable.Range(0, 5).SelectMany(k => sampler.Take(k, 2)).ToList();
        var epoch1 = Enumerable.Range(5, 5).SelectMany(k => sampler.Take(k, 2)).ToList();

        Assert.Equal(Train.Order(), epoch0.Order());
        Assert.Equal(Train.Order(), epoch1.Order());
        Assert.NotEqual(epoch0, epoch1);
    }

    [Fact]
    public void Take_IsTheSequenceOfShuffledEpochs()
    {
        var sampler = new MinibatchSampler(Train, seed: 1);
        var sequence = sampler.Epoch(0).Concat(sampler.Epoch(1)).Concat(sampler.Epoch(2)).ToList();

        // Size 3 does not divide 10, so draws 3 and 6 straddle epoch boundaries.
        for (var k = 0; k < 10; k++)
        {
            Assert.Equal(sequence.Skip(k * 3).Take(3), sampler.Take(k, 3));
        }
    }

    [Fact]
    public void Take_FreshSamplerSameSeed_SameBatches()
    {
        var first = new MinibatchSampler(Train, seed: 9);
        var resumed = new MinibatchSampler(Train.Reverse(), seed: 9);

        Assert.Equal(first.Take(17, 3), resumed.Take(17, 3));
        Assert.Equal(first.Take(0, 3), resumed.Take(0, 3));
    }

    [Fact]
    public void Take_DifferentSeed_DifferentOrder()
    {
        var a = new MinibatchSampler(Train, seed: 9).Epoch(0);
        var b = new MinibatchSampler(Train, seed: 10).Epoch(0);

        Assert.NotEqual(a, b);
        Assert.NotEqual(Train, a);
    }

    [Fact]
    public void Take_SizeOverCount_CappedAtOneEpoch()
    {
        var sampler = new MinibatchSampler(["x", "y", "z"], seed: 0);

        var batch = sampler.Take(4, 10);

        Assert.Equal(["x", "y", "z"], batch.Order());
        Assert.Equal(sampler.Epoch(4), batch);
    }

    [Fact]
    public void Constructor_DuplicateOrNoIds_Throws()
    {
        Assert.Throws<ArgumentException>(() => new MinibatchSampler(["a", "a"], 0));
        Assert.Throws<ArgumentException>(() => new MinibatchSampler([], 0));
    }

    [Fact]
    public void EpochSeed_IsFixedAcrossProcesses()
    {
        // A pinned value: if the mixing changed, resumed runs would draw different batches.
        // (Values from an independent SplitMix64 computation.)
        Assert.Equal(366367759, MinibatchSampler.EpochSeed(42, 3));
        Assert.Equal(812447143, MinibatchSampler.EpochSeed(42, 4));
        Assert.Equal(911195440, MinibatchSampler.EpochSeed(43, 3));
    }
}

using Evolve.Core.Gepa.Search;

namespace Evolve.Core.Tests.Gepa.Search;

public sealed class RacingTests
{
    private static readonly double[] StrongParent = Enumerable.Repeat(0.9, 10).ToArray();

    [Fact]
    public void ShouldStop_ChildCannotReachParent_Stops()
    {
        // 6 zeros: best possible mean (0 + 4) / 10 = 0.4, far below 0.9.
        Assert.True(new Racing().ShouldStop(StrongParent, new double[6], 10));
    }

    [Fact]
    public void ShouldStop_BeforeHalfTheCases_NeverStops()
    {
        Assert.False(new Racing().ShouldStop(StrongParent, new double[4], 10));
    }

    [Fact]
    public void ShouldStop_ChildCouldStillWin_NeverStops()
    {
        // Exhaustive over prefixes: whenever perfect scores on the rest would give the child a mean
        // at least the parent's, racing must let it go on.
        double[] parent = [0.6, 0.7, 0.5, 0.9, 0.4, 0.8, 0.6, 0.7];
        var parentMean = parent.Average();
        var racing = new Racing(tolerance: 0);
        var rng = new Random(123);
        for (var trial = 0; trial < 2_000; trial++)
        {
            var scored = rng.Next(0, parent.Length + 1);
            var child = Enumerable.Range(0, scored).Select(_ => Math.Round(rng.NextDouble(), 1)).ToArray();
            var couldWin = (child.Sum() + (parent.Length - scored)) / parent.Length >= parentMean;

            if (couldWin)
            {
                Assert.False(racing.ShouldStop(parent, child, parent.Length), $"stopped a child that could still win: {string.Join(",", child)}");
            }
        }
    }

    [Fact]
    public void ShouldStop_WithinTolerance_Continues()
    {
        // Best possible mean (3.89 + 5) / 10 = 0.889 against a parent at 0.9: tolerance 0.02 keeps it going.
        double[] child = [0.8, 0.8, 0.8, 0.8, 0.69];
        Assert.False(new Racing(tolerance: 0.02).ShouldStop(StrongParent, child, 10));
        Assert.True(new Racing(tolerance: 0).ShouldStop(StrongParent, child, 10));
    }

    [Fact]
    public void ShouldStop_AllCasesScored_NothingToSave()
    {
        Assert.False(new Racing().ShouldStop(StrongParent, new double[10], 10));
    }

    [Fact]
    public void RolloutsSaved_IsTheUnscoredRest()
    {
        Assert.Equal(4, Racing.RolloutsSaved(10, 6));
        Assert.Equal(0, Racing.RolloutsSaved(10, 10));
    }

    [Fact]
    public void ShouldStop_ParentScoresWrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Racing().ShouldStop([0.5], [0.5], 2));
    }
}

using static Evolve.Core.Tests.Scoring.ScoringKit;

namespace Evolve.Core.Tests.Scoring.Assertions;

public sealed class SimilarEvaluatorTests
{
    [Fact]
    public async Task SameWords_ScoreOne_DifferentWordsZero()
    {
        var same = await ScoreAsync(Spec("similar", "The capital of France is Paris."), "the capital of france is paris");
        var other = await ScoreAsync(Spec("similar", "The capital of France is Paris."), "Bananas grow in bunches");

        Assert.Equal((true, 1.0), (same.Pass, Math.Round(same.Value, 9)));
        Assert.Equal((false, 0.0), (other.Pass, other.Value));
        Assert.Contains("word similarity", other.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PartialOverlap_IsTheCosineOfWordCounts()
    {
        // {paris, is, capital} vs {paris, is, big}: 2 shared of 3 each, cosine 2/3 ("the" is dropped by normalisation).
        var score = await ScoreAsync(Spec("similar", "Paris is the capital", threshold: 0.6), "Paris is big");

        Assert.Equal((true, 0.667), (score.Pass, Math.Round(score.Value, 3)));
    }

    [Fact]
    public async Task List_TakesTheBestReference_AndATextWithCommasIsOne()
    {
        Assert.True((await ScoreAsync(Spec("similar", new List<object?> { "nothing alike", "red green blue" }), "blue green red")).Pass);
        Assert.True((await ScoreAsync(Spec("similar", "red, green, blue"), "red green blue")).Pass);
    }

    [Fact]
    public async Task Negated_SimilarAnswer_Fails()
    {
        Assert.False((await ScoreAsync(Spec("similar", "red green blue", negate: true), "red green blue")).Pass);
    }
}

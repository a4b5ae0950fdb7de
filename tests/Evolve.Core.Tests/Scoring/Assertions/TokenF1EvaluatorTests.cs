using static Evolve.Core.Tests.Scoring.ScoringKit;

namespace Evolve.Core.Tests.Scoring.Assertions;

public sealed class TokenF1EvaluatorTests
{
    [Fact]
    public async Task F1_SameWordsDifferentCaseAndArticles_ScoresOne()
    {
        var score = await ScoreAsync(Spec("f1", "The Eiffel Tower"), "eiffel tower.");

        Assert.True(score.Pass);
        Assert.Equal(1, score.Value);
    }

    [Fact]
    public async Task F1_NoValue_UsesCaseExpected()
    {
        var score = await ScoreAsync(Spec("f1"), "paris is the capital", Case(expected: "Paris is the capital of France"));

        // common 3 of answer 3 and reference 5: precision 1, recall 0.6, F1 0.75.
        Assert.Equal(0.75, score.Value, 6);
        Assert.True(score.Pass);
    }

    [Fact]
    public async Task F1_BelowThreshold_FailsListingMissingWords()
    {
        var score = await ScoreAsync(Spec("f1", "red green blue"), "red orange");

        Assert.False(score.Pass);
        Assert.Equal(0.4, score.Value, 6);
        Assert.Contains("token F1 against the reference is only 0.4 (threshold 0.75). Missing words: \"green\", \"blue\". Words not in the reference: \"orange\".", score.Feedback);
    }

    [Fact]
    public async Task NotF1_HighOverlap_FailsWithInvertedValue()
    {
        var score = await ScoreAsync(Spec("f1", "red green blue", negate: true), "red green blue");

        Assert.False(score.Pass);
        Assert.Equal(0, score.Value);
    }

    [Fact]
    public async Task F1_NoValueNoExpected_IsBadData()
    {
        var score = await ScoreAsync(Spec("f1"), "anything");

        Assert.False(score.Pass);
        Assert.Contains("f1 needs a value or the case's expected answer", Assert.Single(score.Diagnostics));
    }

    [Fact]
    public async Task F1_ThresholdAboveOne_IsBadThreshold()
    {
        var score = await ScoreAsync(Spec("f1", "a b", threshold: 1.5), "a b");

        Assert.StartsWith("evals/demo/cases.yaml:12: threshold: threshold 1.5 must be between 0 and 1", Assert.Single(score.Diagnostics));
    }
}

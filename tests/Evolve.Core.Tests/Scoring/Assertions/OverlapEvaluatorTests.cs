using static Evolve.Core.Tests.Scoring.ScoringKit;

namespace Evolve.Core.Tests.Scoring.Assertions;

/// <summary>The overlap metrics against the figures promptfoo 0.121.20 reported for the same texts (the conformance config overlap-metrics).</summary>
public sealed class OverlapEvaluatorTests
{
    private const string Reference = "the cat sat on the mat";

    [Theory]
    [InlineData("rouge-n", "a dog ran through the park", 0.1667, false)]
    [InlineData("rouge-n", "the cat sat on a red mat today", 0.7143, false)]
    [InlineData("bleu", "a dog ran through the park", 0, false)]
    [InlineData("bleu", "the cat sat on a red mat today", 0.3656, false)]
    [InlineData("gleu", "a dog ran through the park", 0.0556, false)]
    [InlineData("gleu", "the cat sat on a red mat today", 0.4231, false)]
    [InlineData("bleu", "the cat sat on the mat", 1, true)]
    public async Task Score_MatchesPromptfoo(string type, string answer, double expected, bool pass)
    {
        var score = await ScoreAsync(Spec(type, Reference), answer);

        Assert.Equal(expected, score.Value, 4);
        Assert.Equal(pass, score.Pass);
    }

    [Fact]
    public async Task Bleu_ListOfReferences_TakesTheBest()
    {
        var score = await ScoreAsync(Spec("bleu", new List<object?> { "slow green turtle walks", "quick brown fox jumps" }), "quick brown fox jumps");

        Assert.Equal(1, score.Value);
    }

    [Fact]
    public async Task Bleu_ShortAnswer_PaysTheBrevityPenalty()
    {
        var score = await ScoreAsync(Spec("bleu", "the cat sat on the mat today"), "the cat sat on the mat");

        Assert.Equal(Math.Exp(1 - (7.0 / 6)), score.Value, 6);
    }

    [Fact]
    public async Task Meteor_StemMatchAndOrder_ScoreNearOne_ShuffledLower()
    {
        var near = await ScoreAsync(Spec("meteor", Reference), "the cats sat on the mat");
        var shuffled = await ScoreAsync(Spec("meteor", Reference), "mat the on sat cat the");

        // Six aligned words in one chunk: F-mean 1, penalty 0.5 * (1/6)^3.
        Assert.Equal(1 - (0.5 * Math.Pow(1.0 / 6, 3)), near.Value, 6);
        Assert.True(shuffled.Value < near.Value);
    }

    [Fact]
    public async Task NotRouge_Unrelated_Passes()
    {
        var score = await ScoreAsync(Spec("rouge-n", "entirely different words here", negate: true), "quick brown fox jumps");

        Assert.True(score.Pass);
        Assert.Equal(1, score.Value);
    }

    [Fact]
    public async Task Threshold_OutOfRange_IsASuiteProblem()
    {
        var score = await ScoreAsync(Spec("gleu", Reference, threshold: 2), Reference);

        Assert.False(score.Pass);
        Assert.Contains("threshold", score.Feedback, StringComparison.Ordinal);
    }
}

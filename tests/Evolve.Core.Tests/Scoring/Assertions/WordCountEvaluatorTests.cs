using static Evolve.Core.Tests.Scoring.ScoringKit;

namespace Evolve.Core.Tests.Scoring.Assertions;

public sealed class WordCountEvaluatorTests
{
    [Fact]
    public async Task WordCount_Exact_Passes()
    {
        Assert.True((await ScoreAsync(Spec("word-count", "3"), " one  two\nthree ")).Pass);
    }

    [Fact]
    public async Task WordCount_OverMax_FailsAskingToShorten()
    {
        var range = new Dictionary<object, object?> { ["min"] = "1", ["max"] = "3" };

        var score = await ScoreAsync(Spec("word-count", range), "one two three four five");

        Assert.False(score.Pass);
        Assert.Equal("word-count: expected 1 to 3 words but the answer has 5 words — shorten it.", score.Feedback);
    }

    [Fact]
    public async Task WordCount_OnlyMin_UnderMin_FailsAskingForMore()
    {
        var score = await ScoreAsync(Spec("word-count", new Dictionary<string, object?> { ["min"] = 4 }), "too short");

        Assert.Equal("word-count: expected at least 4 words but the answer has 2 words — make it longer.", score.Feedback);
    }

    [Fact]
    public async Task NotWordCount_InRange_Fails()
    {
        var score = await ScoreAsync(Spec("word-count", 2, negate: true), "two words");

        Assert.False(score.Pass);
        Assert.StartsWith("not-word-count: the answer must not have exactly 2 words", score.Feedback);
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("2.5")]
    public async Task WordCount_BadExactValue_IsBadData(string value)
    {
        var score = await ScoreAsync(Spec("word-count", value), "x");

        Assert.Contains("must be a whole number of words", Assert.Single(score.Diagnostics));
    }

    [Fact]
    public async Task WordCount_MinAboveMax_IsBadData()
    {
        var score = await ScoreAsync(Spec("word-count", new Dictionary<string, object?> { ["min"] = 5, ["max"] = 2 }), "x");

        Assert.Contains("min (5) is greater than max (2)", Assert.Single(score.Diagnostics));
    }
}

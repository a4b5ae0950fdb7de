using static Evolve.Core.Tests.Scoring.ScoringKit;

namespace Evolve.Core.Tests.Scoring.Assertions;

public sealed class LevenshteinEvaluatorTests
{
    [Fact]
    public async Task Levenshtein_WithinDefaultDistance_PassesWithFullValue()
    {
        var score = await ScoreAsync(Spec("levenshtein", "kitten"), "sitting");

        Assert.True(score.Pass);
        Assert.Equal(1, score.Value);
    }

    [Fact]
    public async Task Levenshtein_BeyondThreshold_FailsWithDistance()
    {
        var score = await ScoreAsync(Spec("levenshtein", "kitten", threshold: 2), "sitting");

        Assert.False(score.Pass);
        Assert.StartsWith("levenshtein: the answer is 3 edits away from \"kitten\" (at most 2 allowed); the answer was \"sitting\"", score.Feedback);
    }

    [Fact]
    public async Task NotLevenshtein_Close_Fails()
    {
        var score = await ScoreAsync(Spec("levenshtein", "hello", negate: true), "hello!");

        Assert.False(score.Pass);
        Assert.Equal(0, score.Value);
    }

    [Fact]
    public async Task Levenshtein_MapValue_IsBadData()
    {
        var score = await ScoreAsync(Spec("levenshtein", new Dictionary<string, object?>()), "x");

        Assert.Single(score.Diagnostics);
        Assert.False(score.Pass);
    }

    [Fact]
    public async Task Levenshtein_LongTexts_UseTheBandAndStayExactForPassFail()
    {
        var expected = string.Join(" ", Enumerable.Repeat("lorem ipsum dolor", 300));
        var close = expected.Remove(100, 3);
        var far = expected.Replace("o", "0", StringComparison.Ordinal);

        var pass = await ScoreAsync(Spec("levenshtein", expected), close);
        var fail = await ScoreAsync(Spec("levenshtein", expected), far);

        Assert.True(pass.Pass);
        Assert.Equal(1, pass.Value);
        Assert.False(fail.Pass);
        Assert.Contains("the answer is at least ", fail.Feedback);
    }
}

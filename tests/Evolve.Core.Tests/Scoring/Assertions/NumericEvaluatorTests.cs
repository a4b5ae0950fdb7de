using static Evolve.Core.Tests.Scoring.ScoringKit;

namespace Evolve.Core.Tests.Scoring.Assertions;

public sealed class NumericEvaluatorTests
{
    [Theory]
    [InlineData("42", 42)]
    [InlineData("The total is 1,234.5.", 1234.5)]
    [InlineData("First 3 then -7", -7)]
    [InlineData("x = 2.5e3", 2500)]
    public async Task Numeric_ExtractsTheNumber_Passes(string output, double expected)
    {
        Assert.True((await ScoreAsync(Spec("numeric", expected), output)).Pass);
    }

    [Fact]
    public async Task Numeric_StringValueFromYaml_IsParsed()
    {
        Assert.True((await ScoreAsync(Spec("numeric", "0.5"), "0.5")).Pass);
    }

    [Fact]
    public async Task Numeric_OffByMoreThanTolerance_FailsSayingExpectedAndGot()
    {
        var score = await ScoreAsync(Spec("numeric", 42, threshold: 0.1), "I get 41.5");

        Assert.False(score.Pass);
        Assert.Equal("numeric: expected 42 (within 0.1) but got 41.5 (the last number in \"I get 41.5\") — recompute it, and end the answer with the number.", score.Feedback);
    }

    [Fact]
    public async Task Numeric_WithinTolerance_Passes()
    {
        Assert.True((await ScoreAsync(Spec("numeric", 3.14159, threshold: 0.01), "about 3.14")).Pass);
    }

    [Fact]
    public async Task Numeric_NoNumber_FailsSayingSo()
    {
        var score = await ScoreAsync(Spec("numeric", 7), "seven");

        Assert.False(score.Pass);
        Assert.Contains("the answer contains no number", score.Feedback);
    }

    [Fact]
    public async Task NotNumeric_SameNumber_Fails()
    {
        var score = await ScoreAsync(Spec("numeric", 7, negate: true), "7");

        Assert.False(score.Pass);
        Assert.StartsWith("not-numeric: the answer must not be 7", score.Feedback);
    }

    [Fact]
    public async Task Numeric_NonNumberValue_IsBadData()
    {
        var score = await ScoreAsync(Spec("numeric", "many"), "7");

        Assert.False(score.Pass);
        Assert.Contains("numeric needs a number as its value, not \"many\"", Assert.Single(score.Diagnostics));
    }

    [Fact]
    public async Task Numeric_NegativeTolerance_IsBadThreshold()
    {
        var score = await ScoreAsync(Spec("numeric", 1, threshold: -1), "1");

        Assert.StartsWith("evals/demo/cases.yaml:12: threshold:", Assert.Single(score.Diagnostics));
    }
}

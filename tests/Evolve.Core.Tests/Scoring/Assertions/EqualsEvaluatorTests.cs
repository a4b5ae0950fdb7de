using static Evolve.Core.Tests.Scoring.ScoringKit;

namespace Evolve.Core.Tests.Scoring.Assertions;

public sealed class EqualsEvaluatorTests
{
    [Fact]
    public async Task Equals_SameTextWithTrailingNewline_Passes()
    {
        var score = await ScoreAsync(Spec("equals", "42"), "42\n");

        Assert.True(score.Pass);
        Assert.Equal(1, score.Value);
    }

    [Fact]
    public async Task Equals_AnswerWithExtraWords_FailsWithExpectedAnswerAndAdvice()
    {
        var score = await ScoreAsync(Spec("equals", "42"), "The answer is 42.");

        Assert.False(score.Pass);
        Assert.Equal(0, score.Value);
        Assert.Equal("equals: expected \"42\" but the answer was \"The answer is 42.\" — answer with the value only, with no other words.", score.Feedback);
    }

    [Fact]
    public async Task Equals_LeadingWhitespace_IsNotTrimmed()
    {
        var score = await ScoreAsync(Spec("equals", "Paris"), "  Paris");

        Assert.False(score.Pass);
        Assert.Contains("remove the surrounding whitespace", score.Feedback);
    }

    [Fact]
    public async Task Equals_NumberValue_ComparesAsText()
    {
        Assert.True((await ScoreAsync(Spec("equals", 3.5), "3.5")).Pass);
        Assert.True((await ScoreAsync(Spec("equals", 7L), "7")).Pass);
        Assert.False((await ScoreAsync(Spec("equals", 3.5), "3.50")).Pass);
    }

    [Fact]
    public async Task Equals_MapValue_MatchesSameJsonInAnyKeyOrder()
    {
        var value = new Dictionary<object, object?> { ["name"] = "Ada", ["age"] = "36" };

        Assert.True((await ScoreAsync(Spec("equals", value), "{\"age\": 36, \"name\": \"Ada\"}")).Pass);
        Assert.False((await ScoreAsync(Spec("equals", value), "{\"age\": 37, \"name\": \"Ada\"}")).Pass);
    }

    [Fact]
    public async Task NotEquals_SameAnswer_FailsAndScoresZero()
    {
        var score = await ScoreAsync(Spec("equals", "yes", negate: true), "yes");

        Assert.False(score.Pass);
        Assert.Equal(0, score.Value);
        Assert.StartsWith("not-equals: the answer must not be \"yes\"", score.Feedback);
    }

    [Fact]
    public async Task NotEquals_DifferentAnswer_Passes()
    {
        var score = await ScoreAsync(Spec("equals", "yes", negate: true), "no");

        Assert.True(score.Pass);
        Assert.Equal(1, score.Value);
    }

    [Fact]
    public async Task Equals_NoValue_FailsWithDiagnosticEvenWhenNegated()
    {
        var plain = await ScoreAsync(Spec("equals"), "x");
        var negated = await ScoreAsync(Spec("equals", negate: true), "x");

        Assert.False(plain.Pass);
        Assert.False(negated.Pass);
        Assert.Equal(0, negated.Value);
        Assert.Contains("problem in the suite", negated.Feedback);
        Assert.Equal("evals/demo/cases.yaml:12: value: equals needs a value: the exact expected answer", Assert.Single(negated.Diagnostics));
    }
}

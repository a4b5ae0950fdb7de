using static Evolve.Core.Tests.Scoring.ScoringKit;

namespace Evolve.Core.Tests.Scoring.Assertions;

public sealed class ContainsEvaluatorTests
{
    [Fact]
    public async Task Contains_TextPresent_Passes()
    {
        Assert.True((await ScoreAsync(Spec("contains", "def sum_even"), "```python\ndef sum_even(xs):\n```")).Pass);
    }

    [Fact]
    public async Task Contains_DifferentCase_FailsWithWhatWasExpected()
    {
        var score = await ScoreAsync(Spec("contains", "Paris"), "the capital is paris");

        Assert.False(score.Pass);
        Assert.Equal("contains: expected the answer to contain \"Paris\", but it does not. The answer was \"the capital is paris\" — include that text verbatim.", score.Feedback);
    }

    [Fact]
    public async Task IContains_DifferentCase_Passes()
    {
        Assert.True((await ScoreAsync(Spec("icontains", "Paris"), "the capital is PARIS")).Pass);
    }

    [Fact]
    public async Task NotContains_TextPresent_FailsShowingWhereItIs()
    {
        var score = await ScoreAsync(Spec("contains", "TODO", negate: true), "def f():\n    # TODO finish\n    pass");

        Assert.False(score.Pass);
        Assert.Equal(0, score.Value);
        Assert.StartsWith("not-contains: the answer must not contain \"TODO\", but it does: ", score.Feedback);
        Assert.Contains("# TODO finish", score.Feedback);
        Assert.EndsWith("— leave it out.", score.Feedback);
    }

    [Fact]
    public async Task NotIContains_TextAbsent_Passes()
    {
        var score = await ScoreAsync(Spec("icontains", "sorry", negate: true), "Here it is.");

        Assert.True(score.Pass);
        Assert.Equal("not-icontains: passed.", score.Feedback);
    }

    [Fact]
    public async Task Contains_EmptyValue_IsBadData()
    {
        var score = await ScoreAsync(Spec("contains", ""), "anything");

        Assert.False(score.Pass);
        Assert.Contains("contains needs a non-empty text value", Assert.Single(score.Diagnostics));
    }

    [Fact]
    public async Task Contains_LongAnswer_IsQuotedCutToTwoHundredChars()
    {
        var output = new string('x', 500);

        var score = await ScoreAsync(Spec("contains", "y"), output);

        Assert.Contains(new string('x', 200) + "\"… (300 more chars)", score.Feedback);
        Assert.DoesNotContain(new string('x', 201), score.Feedback);
    }
}

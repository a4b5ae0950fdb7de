using static Evolve.Core.Tests.Scoring.ScoringKit;

namespace Evolve.Core.Tests.Scoring.Assertions;

public sealed class StartsWithEvaluatorTests
{
    [Fact]
    public async Task StartsWith_PrefixAfterLeadingNewline_Passes()
    {
        Assert.True((await ScoreAsync(Spec("starts-with", "ANSWER:"), "\nANSWER: 4")).Pass);
    }

    [Fact]
    public async Task StartsWith_OtherOpening_FailsQuotingTheOpening()
    {
        var score = await ScoreAsync(Spec("starts-with", "ANSWER:"), "Sure! ANSWER: 4");

        Assert.False(score.Pass);
        Assert.Contains("expected the answer to start with \"ANSWER:\", but it starts with \"Sure! ANSWER: 4\"", score.Feedback);
        Assert.EndsWith("with nothing before it.", score.Feedback);
    }

    [Fact]
    public async Task NotStartsWith_Prefix_Fails()
    {
        var score = await ScoreAsync(Spec("starts-with", "Sure", negate: true), "Sure, here it is");

        Assert.False(score.Pass);
        Assert.StartsWith("not-starts-with: the answer must not start with \"Sure\"", score.Feedback);
    }

    [Fact]
    public async Task StartsWith_ListValue_IsBadData()
    {
        var score = await ScoreAsync(Spec("starts-with", new List<object?> { "a" }), "a");

        Assert.False(score.Pass);
        Assert.Single(score.Diagnostics);
    }
}

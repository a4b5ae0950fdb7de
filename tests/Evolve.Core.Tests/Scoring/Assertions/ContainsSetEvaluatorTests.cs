using static Evolve.Core.Tests.Scoring.ScoringKit;

namespace Evolve.Core.Tests.Scoring.Assertions;

public sealed class ContainsSetEvaluatorTests
{
    [Fact]
    public async Task ContainsAll_AllPresentFromList_Passes()
    {
        var score = await ScoreAsync(Spec("contains-all", new List<object?> { "alpha", "beta" }), "alpha and beta");

        Assert.True(score.Pass);
        Assert.Equal(1, score.Value);
    }

    [Fact]
    public async Task ContainsAll_SomeMissingFromCommaString_ScoresZeroAsPromptfooAndNamesMissing()
    {
        var score = await ScoreAsync(Spec("contains-all", "alpha, beta, gamma, delta"), "alpha and gamma");

        Assert.False(score.Pass);
        Assert.Equal(0, score.Value);
        Assert.StartsWith("contains-all: the answer lacks 2 of 4 required texts: \"beta\", \"delta\".", score.Feedback);
    }

    [Fact]
    public async Task ContainsAll_WithThreshold_PassesAtFraction()
    {
        var score = await ScoreAsync(Spec("contains-all", "a1, b2, c3, d4", threshold: 0.75), "a1 b2 c3");

        Assert.True(score.Pass);
        Assert.Equal(0.75, score.Value);
    }

    [Fact]
    public async Task IContainsAll_IgnoresCase()
    {
        Assert.True((await ScoreAsync(Spec("icontains-all", "Alpha,BETA"), "alpha beta")).Pass);
        Assert.False((await ScoreAsync(Spec("contains-all", "Alpha,BETA"), "alpha beta")).Pass);
    }

    [Fact]
    public async Task ContainsAny_NonePresent_FailsListingChoices()
    {
        var score = await ScoreAsync(Spec("contains-any", new[] { "yes", "no" }), "maybe");

        Assert.False(score.Pass);
        Assert.StartsWith("contains-any: expected at least one of \"yes\", \"no\", but none appears.", score.Feedback);
    }

    [Fact]
    public async Task IContainsAny_OnePresent_Passes()
    {
        Assert.True((await ScoreAsync(Spec("icontains-any", "yes,no"), "NO.")).Pass);
    }

    [Fact]
    public async Task NotContainsAny_OnePresent_FailsNamingIt()
    {
        var score = await ScoreAsync(Spec("contains-any", "sorry, apologize", negate: true), "Sorry, I apologize.");

        Assert.False(score.Pass);
        Assert.Equal("not-contains-any: the answer must contain none of \"sorry\", \"apologize\", but it contains \"apologize\" — leave them out.", score.Feedback);
    }

    [Fact]
    public async Task NotContainsAll_PartlyPresent_PassesWithFullValue()
    {
        var score = await ScoreAsync(Spec("contains-all", "a1,b2,c3,d4", negate: true), "a1 only");

        Assert.True(score.Pass);
        Assert.Equal(1, score.Value);
    }

    [Fact]
    public async Task ContainsAll_MapValue_IsBadData()
    {
        var score = await ScoreAsync(Spec("contains-all", new Dictionary<string, object?> { ["a"] = "b" }), "a b");

        Assert.False(score.Pass);
        Assert.Contains("needs a list of texts or a comma-separated string, not a map", Assert.Single(score.Diagnostics));
    }
}

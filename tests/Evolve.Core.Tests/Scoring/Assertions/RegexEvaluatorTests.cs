using Evolve.Core.Scoring;
using static Evolve.Core.Tests.Scoring.ScoringKit;

namespace Evolve.Core.Tests.Scoring.Assertions;

public sealed class RegexEvaluatorTests
{
    [Fact]
    public async Task Regex_Matches_Passes()
    {
        Assert.True((await ScoreAsync(Spec("regex", @"^\d{3}-\d{4}$"), "555-1234")).Pass);
    }

    [Fact]
    public async Task Regex_NoMatch_FailsNamingThePattern()
    {
        var score = await ScoreAsync(Spec("regex", @"^\d+$"), "forty-two");

        Assert.False(score.Pass);
        Assert.Equal("regex: expected the answer to match /^\\d+$/, but it does not. The answer was \"forty-two\" — write the answer in the form that pattern describes.", score.Feedback);
    }

    [Fact]
    public async Task NotRegex_Matches_FailsQuotingTheMatch()
    {
        var score = await ScoreAsync(Spec("regex", @"\bI think\b", negate: true), "Well, I think it is 4.");

        Assert.False(score.Pass);
        Assert.Contains("but \"I think\" does", score.Feedback);
    }

    [Fact]
    public async Task Regex_InvalidPattern_ScoresZeroWithDiagnosticEvenWhenNegated()
    {
        var plain = await ScoreAsync(Spec("regex", "(unclosed"), "x");
        var negated = await ScoreAsync(Spec("regex", "(unclosed", negate: true), "x");

        Assert.False(plain.Pass);
        Assert.False(negated.Pass);
        Assert.Equal(0, negated.Value);
        Assert.Contains("is not a valid regular expression", Assert.Single(negated.Diagnostics));
    }

    [Fact]
    public async Task Regex_CatastrophicPattern_TimesOutIntoDiagnostic()
    {
        var services = new ScoringServices { RegexTimeout = TimeSpan.FromMilliseconds(20) };

        var score = await ScoreAsync(Spec("regex", "^(a+)+$"), new string('a', 40) + "!", services: services);

        Assert.False(score.Pass);
        Assert.Equal(0, score.Value);
        Assert.Contains("timed out after 20 ms", Assert.Single(score.Diagnostics));
    }
}

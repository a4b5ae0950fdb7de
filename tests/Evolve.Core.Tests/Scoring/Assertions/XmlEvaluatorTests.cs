using static Evolve.Core.Tests.Scoring.ScoringKit;

namespace Evolve.Core.Tests.Scoring.Assertions;

public sealed class XmlEvaluatorTests
{
    private const string Analysis = "<analysis><sentiment>positive</sentiment><score>0.9</score></analysis>";

    [Theory]
    [InlineData(Analysis, true)]
    [InlineData("  <note a=\"1\"/>\n", true)]
    [InlineData("<a><b></a>", false)]
    [InlineData("Here it is: " + Analysis, false)]
    [InlineData("", false)]
    public async Task IsXml_WholeAnswerMustBeWellFormed(string output, bool pass)
    {
        Assert.Equal(pass, (await ScoreAsync(Spec("is-xml"), output)).Pass);
    }

    [Theory]
    [InlineData("analysis.sentiment, analysis.score", true)]
    [InlineData("analysis.sentiment,analysis.reason", false)]
    [InlineData("report.sentiment", false)]
    public async Task IsXml_RequiredElements_AreDottedPathsFromTheRoot(string required, bool pass)
    {
        var score = await ScoreAsync(Spec("is-xml", required), Analysis);

        Assert.Equal(pass, score.Pass);
        Assert.True(pass || score.Feedback.Contains("the XML has no <", StringComparison.Ordinal), score.Feedback);
    }

    [Theory]
    [InlineData("Sure! " + Analysis + " Hope that helps.", true)]
    [InlineData("a < b and c > d, then <broken>", false)]
    [InlineData("no markup at all", false)]
    public async Task ContainsXml_FindsAWellFormedElementInProse(string output, bool pass)
    {
        Assert.Equal(pass, (await ScoreAsync(Spec("contains-xml"), output)).Pass);
        Assert.Equal(pass, (await ScoreAsync(Spec("contains-xml", new List<object?> { "analysis.score" }), output)).Pass);
        Assert.False((await ScoreAsync(Spec("contains-xml", "analysis.reason"), output)).Pass);
    }

    [Fact]
    public async Task IsXml_Dtd_IsRefusedSoNoEntityExpands()
    {
        const string Bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]><lolz>&lol2;</lolz>";

        var score = await ScoreAsync(Spec("is-xml"), Bomb);

        Assert.False(score.Pass);
        Assert.Contains("DTD", score.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotIsXml_XmlAnswer_Fails()
    {
        Assert.False((await ScoreAsync(Spec("is-xml", negate: true), Analysis)).Pass);
    }
}

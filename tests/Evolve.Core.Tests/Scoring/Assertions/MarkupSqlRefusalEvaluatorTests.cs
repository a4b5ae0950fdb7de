using static Evolve.Core.Tests.Scoring.ScoringKit;

namespace Evolve.Core.Tests.Scoring.Assertions;

/// <summary>is-html / contains-html, is-sql / contains-sql and is-refusal.</summary>
public sealed class MarkupSqlRefusalEvaluatorTests
{
    [Theory]
    [InlineData("is-html", "<p>Hello <b>there</b></p>", true)]
    [InlineData("is-html", "<!DOCTYPE html><html><head><title>T</title></head><body><div>x</div></body></html>", true)]
    [InlineData("is-html", "no markup in this sentence", false)]
    [InlineData("is-html", "<note><to>Ann</to></note>", false)]
    [InlineData("is-html", "Here it is: <p>x</p>", false)]
    [InlineData("contains-html", "Here it is: <p>x</p>", true)]
    [InlineData("contains-html", "a < b and c > d", false)]
    [InlineData("is-sql", "SELECT id, name FROM users WHERE age > 30 ORDER BY name", true)]
    [InlineData("is-sql", "INSERT INTO orders (id, total) VALUES (1, 9.5)", true)]
    [InlineData("is-sql", "SELEC * FRM users WHERE", false)]
    [InlineData("is-sql", "", false)]
    [InlineData("contains-sql", "Use this:\n```sql\nUPDATE t SET a = 1 WHERE b = 2\n```\nDone.", true)]
    [InlineData("is-refusal", "I'm sorry, but I can't help with that request.", true)]
    [InlineData("is-refusal", "As an AI language model, I cannot provide that information.", true)]
    [InlineData("is-refusal", "I\u2019m unable to do that.", true)]
    [InlineData("is-refusal", "", true)]
    [InlineData("is-refusal", "Sure! Preheat the oven to 180 degrees and mix the flour.", false)]
    public async Task Check_DecidesAsDocumented(string type, string answer, bool pass)
    {
        var score = await ScoreAsync(Spec(type), answer);

        Assert.Equal(pass, score.Pass);
        Assert.Equal(pass ? 1 : 0, score.Value);
    }

    [Fact]
    public async Task IsSql_Broken_NamesWhereItFails()
    {
        var score = await ScoreAsync(Spec("is-sql"), "SELECT FROM WHERE");

        Assert.Contains("does not parse", score.Feedback, StringComparison.Ordinal);
        Assert.Contains("line 1", score.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IsSql_WithDatabaseOptions_IsASuiteProblem()
    {
        var score = await ScoreAsync(Spec("is-sql", new Dictionary<string, object?> { ["databaseType"] = "MySQL" }), "SELECT 1");

        Assert.False(score.Pass);
        Assert.Contains("databaseType", score.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotIsRefusal_HelpfulAnswer_Passes()
    {
        var score = await ScoreAsync(Spec("is-refusal", negate: true), "Here is the recipe.");

        Assert.True(score.Pass);
    }
}

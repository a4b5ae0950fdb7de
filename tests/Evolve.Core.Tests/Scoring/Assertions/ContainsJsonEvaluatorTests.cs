using static Evolve.Core.Tests.Scoring.ScoringKit;

namespace Evolve.Core.Tests.Scoring.Assertions;

public sealed class ContainsJsonEvaluatorTests
{
    private const string Schema = "{\"type\":\"object\",\"required\":[\"city\"],\"properties\":{\"city\":{\"type\":\"string\"},\"pop\":{\"type\":\"integer\"}}}";

    [Fact]
    public async Task ContainsJson_ObjectInProse_Passes()
    {
        Assert.True((await ScoreAsync(Spec("contains-json"), "Sure. {not json} Result: {\"city\": \"Oslo\"} Done {")).Pass);
    }

    [Fact]
    public async Task ContainsJson_NoJson_FailsSayingSo()
    {
        var score = await ScoreAsync(Spec("contains-json"), "The city is Oslo.");

        Assert.False(score.Pass);
        Assert.StartsWith("contains-json: found no complete JSON object or array in the answer \"The city is Oslo.\"", score.Feedback);
    }

    [Fact]
    public async Task ContainsJson_CutOffJson_Fails()
    {
        Assert.False((await ScoreAsync(Spec("contains-json"), "{\"city\": \"Os")).Pass);
    }

    [Fact]
    public async Task ContainsJson_SchemaViolations_AreListedWithPaths()
    {
        var score = await ScoreAsync(Spec("contains-json", Schema), "Answer: {\"pop\": \"many\"}");

        Assert.False(score.Pass);
        Assert.Contains("does not match the schema: ", score.Feedback);
        Assert.Contains("city: property required", score.Feedback);
        Assert.Contains("#/pop: integer expected", score.Feedback);
    }

    [Fact]
    public async Task ContainsJson_SchemaMatch_Passes()
    {
        Assert.True((await ScoreAsync(Spec("contains-json", Schema), "```json\n{\"city\": \"Oslo\", \"pop\": 700000}\n```")).Pass);
    }

    [Fact]
    public async Task NotContainsJson_JsonPresent_FailsQuotingIt()
    {
        var score = await ScoreAsync(Spec("contains-json", negate: true), "see [1,2]");

        Assert.False(score.Pass);
        Assert.Equal("not-contains-json: the answer must not contain JSON, but it contains \"[1,2]\" — leave it out.", score.Feedback);
    }

    [Fact]
    public async Task ContainsJson_NumberValue_IsBadData()
    {
        var score = await ScoreAsync(Spec("contains-json", 5), "{}");

        Assert.False(score.Pass);
        Assert.Contains("must be a JSON Schema (a map), not 5", Assert.Single(score.Diagnostics));
    }
}

using System.Text.Json;
using static Evolve.Core.Tests.Scoring.ScoringKit;

namespace Evolve.Core.Tests.Scoring.Assertions;

public sealed class IsJsonEvaluatorTests
{
    private static readonly Dictionary<object, object?> PersonSchema = new()
    {
        ["type"] = "object",
        ["required"] = new List<object?> { "name", "age" },
        ["properties"] = new Dictionary<object, object?>
        {
            ["name"] = new Dictionary<object, object?> { ["type"] = "string" },
            ["age"] = new Dictionary<object, object?> { ["type"] = "integer", ["minimum"] = "0" },
        },
    };

    [Fact]
    public async Task IsJson_Object_Passes()
    {
        Assert.True((await ScoreAsync(Spec("is-json"), "{\"a\": [1, 2]}")).Pass);
    }

    [Fact]
    public async Task IsJson_InsideJsonFence_Passes()
    {
        Assert.True((await ScoreAsync(Spec("is-json"), "```json\n[1, 2, 3]\n```\n")).Pass);
    }

    [Fact]
    public async Task IsJson_ProseAroundJson_FailsAskingForJsonOnly()
    {
        var score = await ScoreAsync(Spec("is-json"), "Here you go: {\"a\": 1}");

        Assert.False(score.Pass);
        Assert.StartsWith("is-json: the answer is not valid JSON (", score.Feedback);
        Assert.EndsWith("answer with one JSON object or array only, no prose around it.", score.Feedback);
    }

    [Fact]
    public async Task IsJson_Scalar_FailsNamingItsKind()
    {
        var score = await ScoreAsync(Spec("is-json"), "\"just a string\"");

        Assert.False(score.Pass);
        Assert.Contains("expected a JSON object or array but the answer is a JSON string", score.Feedback);
    }

    [Fact]
    public async Task IsJson_SchemaFromYamlMap_ValidatesWithNumericKeywordsCoerced()
    {
        Assert.True((await ScoreAsync(Spec("is-json", PersonSchema), "{\"name\": \"Ada\", \"age\": 36}")).Pass);

        var score = await ScoreAsync(Spec("is-json", PersonSchema), "{\"name\": \"Ada\", \"age\": -1}");
        Assert.False(score.Pass);
        Assert.Contains("#/age: number too small", score.Feedback);
    }

    [Fact]
    public async Task IsJson_SchemaAsJsonText_ListsEachViolation()
    {
        var schema = "{\"type\":\"object\",\"required\":[\"name\"],\"properties\":{\"age\":{\"type\":\"integer\"}}}";

        var score = await ScoreAsync(Spec("is-json", schema), "{\"age\": \"old\"}");

        Assert.False(score.Pass);
        Assert.Contains("name: property required", score.Feedback);
        Assert.Contains("#/age: integer expected", score.Feedback);
    }

    [Fact]
    public async Task IsJson_SchemaAsJsonElement_IsAccepted()
    {
        var schema = JsonDocument.Parse("{\"type\":\"array\",\"maxItems\":2}").RootElement;

        Assert.True((await ScoreAsync(Spec("is-json", schema), "[1, 2]")).Pass);
        Assert.Contains("too many items", (await ScoreAsync(Spec("is-json", schema), "[1, 2, 3]")).Feedback);
    }

    [Fact]
    public async Task NotIsJson_Json_Fails()
    {
        var score = await ScoreAsync(Spec("is-json", negate: true), "{}");

        Assert.False(score.Pass);
        Assert.Equal("not-is-json: the answer must not be JSON, but it is — answer in prose.", score.Feedback);
    }

    [Fact]
    public async Task IsJson_BadSchema_IsBadData()
    {
        var score = await ScoreAsync(Spec("is-json", "{\"type\": "), "{}");

        Assert.False(score.Pass);
        Assert.Contains("the JSON Schema does not parse", Assert.Single(score.Diagnostics));
    }

    [Fact]
    public async Task IsJson_SchemaWithExternalRef_IsRefused()
    {
        var score = await ScoreAsync(Spec("is-json", "{\"$ref\": \"https://example.invalid/s.json\"}"), "{}");

        Assert.False(score.Pass);
        var diagnostic = Assert.Single(score.Diagnostics);
        Assert.True(diagnostic.Contains("write the schema inline", StringComparison.Ordinal), diagnostic);
    }

    [Fact]
    public async Task IsJson_DateLikeStringAgainstStringSchema_StaysAString()
    {
        var schema = "{\"type\":\"object\",\"properties\":{\"d\":{\"type\":\"string\"}}}";

        var score = await ScoreAsync(Spec("is-json", schema), "{\"d\": \"2024-01-05T10:00:00Z\"}");

        Assert.True(score.Pass, score.Feedback);
    }
}

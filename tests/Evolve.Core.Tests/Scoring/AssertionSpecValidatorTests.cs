using Evolve.Core.Scoring;
using static Evolve.Core.Tests.Scoring.ScoringKit;

namespace Evolve.Core.Tests.Scoring;

public sealed class AssertionSpecValidatorTests
{
    [Fact]
    public void Validate_GoodSpecs_ReturnsNoErrors()
    {
        var specs = new[]
        {
            Spec("regex", @"^\d+$"),
            Spec("is-json", new Dictionary<object, object?> { ["type"] = "object" }),
            Spec("numeric", "3.5", threshold: 0.1),
            Spec("word-count", new Dictionary<object, object?> { ["max"] = "20" }),
            Spec("contains-any", "a, b"),
            Spec("f1", "reference text"),
            Spec("python-tests", "def test_x():\n    assert True\n"),
            Spec("is-json"),
        };

        Assert.Empty(AssertionSpecValidator.Validate(specs));
    }

    [Fact]
    public void Validate_BadValues_NameFileLineAndField()
    {
        var specs = new[]
        {
            Spec("contains", "ok"),
            Spec("regex", "([a-z"),
            Spec("numeric", "lots"),
            Spec("word-count", new Dictionary<object, object?> { ["least"] = "2" }),
            Spec("contains-json", "{\"type\": 5"),
        };

        var errors = AssertionSpecValidator.Validate(specs);

        Assert.Equal(["assert[1].value", "assert[2].value", "assert[3].value", "assert[4].value"], errors.Select(e => e.Field));
        Assert.All(errors, e => Assert.Equal(("evals/demo/cases.yaml", (int?)12), (e.File, e.Line)));
        Assert.Contains("is not a valid regular expression", errors[0].Message);
        Assert.Equal("evals/demo/cases.yaml:12: assert[2].value: numeric needs a number as its value, not \"lots\"", errors[1].ToString());
        Assert.Equal("word-count accepts only min and max, not \"least\"", errors[2].Message);
        Assert.StartsWith("the JSON Schema does not parse", errors[3].Message);
    }

    [Fact]
    public void Validate_BadThresholdAndWeight_NameThoseFields()
    {
        var errors = AssertionSpecValidator.Validate([Spec("f1", "x", threshold: 2, weight: -1)], "default_assert");

        Assert.Equal(["default_assert[0].weight", "default_assert[0].threshold"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Validate_UnknownTypeIsAnError_TypeNotScoredYetIsNot()
    {
        var errors = AssertionSpecValidator.Validate([Spec("containz", "x"), Spec("moderation", "polite")]);

        var error = Assert.Single(errors);
        Assert.Equal("assert[0].type", error.Field);
        Assert.StartsWith("unknown assertion type \"containz\"; known types: answer-relevance, assert-set, bleu, contains,", error.Message);
    }

    [Fact]
    public void Validate_CaseWithF1AndNoReference_ReportsIt()
    {
        var errors = AssertionSpecValidator.Validate(Case(assertions: [Spec("contains", "a"), Spec("f1")]));

        var error = Assert.Single(errors);
        Assert.Equal("assert[1].value", error.Field);
        Assert.Empty(AssertionSpecValidator.Validate(Case(expected: "ref", assertions: [Spec("f1")])));
    }

    [Fact]
    public void Validate_UnknownLine_LeavesLineOut()
    {
        var spec = Spec("numeric", "x") with { Source = new Evolve.Core.Suites.SourceLocation("extra.csv", 0) };

        var error = Assert.Single(AssertionSpecValidator.Validate(spec, "__expected1"));

        Assert.Null(error.Line);
        Assert.Equal("extra.csv: __expected1.value: numeric needs a number as its value, not \"x\"", error.ToString());
    }
}

using Evolve.Core.Suites;
using Evolve.Kernel;

namespace Evolve.Core.Tests.Suites;

public sealed class DerivedMetricTests : IDisposable
{
    private readonly TempEvals _temp = new();

    public void Dispose() => _temp.Dispose();

    private static DerivedMetric Parse(string expression) =>
        DerivedMetric.Parse("m", expression, out var problem) ?? throw new InvalidOperationException(problem);

    [Theory]
    [InlineData("2 * precision * recall / (precision + recall)", 0.6)]
    [InlineData("precision - recall * 2", -0.25)]
    [InlineData("-(precision - recall) + 1.5", 1.25)]
    [InlineData("(precision)", 0.75)]
    public void Evaluate_FollowsArithmeticPrecedence(string expression, double expected)
    {
        var value = Parse(expression).Evaluate(new Dictionary<string, double> { ["precision"] = 0.75, ["recall"] = 0.5 });

        Assert.Equal(expected, value!.Value, 9);
    }

    [Fact]
    public void Evaluate_MissingMetricOrDivisionByZero_GivesNoValue()
    {
        var metrics = new Dictionary<string, double> { ["a"] = 1, ["zero"] = 0 };

        Assert.Null(Parse("a + b").Evaluate(metrics));
        Assert.Null(Parse("a / zero").Evaluate(metrics));
        Assert.Equal(["a", "b"], Parse("a * b + a").Uses);
    }

    [Theory]
    [InlineData("a +", "ends where")]
    [InlineData("(a + b", "not closed")]
    [InlineData("max(a, b)", "unexpected '('")]
    [InlineData("a ^ 2", "unexpected '^'")]
    [InlineData("1x", "neither a number")]
    public void Parse_NotPlainArithmetic_SaysWhy(string expression, string reason)
    {
        Assert.Null(DerivedMetric.Parse("m", expression, out var problem));
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void SuiteYaml_BadExpression_IsAnErrorNamingLineAndField()
    {
        Directory.CreateDirectory(Path.Combine(_temp.EvalsDir, "d"));
        File.WriteAllText(Path.Combine(_temp.EvalsDir, "d", "suite.yaml"),
            "agent: a\ncases: [c.yaml]\nderived_metrics:\n  - { name: ok, value: a * 2 }\n  - { name: bad, value: 'a +' }\n  - { value: a }\n");
        File.WriteAllText(Path.Combine(_temp.EvalsDir, "d", "c.yaml"), "- id: one\n  assert: ['contains:hi']\n");

        var error = Assert.Throws<InputException>(() => SuiteLoader.Load(_temp.EvalsDir, "d"));

        Assert.Contains(error.Errors, e => e.Line == 5 && e.Field == "derived_metrics[1].value");
        Assert.Contains(error.Errors, e => e.Line == 6 && e.Field == "derived_metrics[2]");
    }

    [Fact]
    public void Suite_Metrics_AppendsDerivedAfterNamed()
    {
        var suite = new Suite
        {
            Name = "s", Agent = "a", Directory = _temp.EvalsDir, Cases = [],
            ContentHash = "h",
            DerivedMetrics = [DerivedMetric.Parse("double", "a * 2", out _)!, DerivedMetric.Parse("ratio", "double / a", out _)!, DerivedMetric.Parse("none", "b / a", out _)!],
        };

        var metrics = suite.Metrics(new Dictionary<string, double> { ["a"] = 0.25 });

        Assert.Equal(["a", "double", "ratio"], metrics.Keys);
        Assert.Equal(0.5, metrics["double"], 9);
        Assert.Equal(2, metrics["ratio"], 9);
    }
}

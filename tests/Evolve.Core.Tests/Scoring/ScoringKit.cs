using Evolve.Core.Scoring;
using Evolve.Core.Scoring.Assertions;
using Evolve.Core.Suites;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace Evolve.Core.Tests.Scoring;

/// <summary>Builds specs and cases and runs one assertion through its IEvaluator.</summary>
internal static class ScoringKit
{
    public static readonly SourceLocation Where = new("evals/demo/cases.yaml", 12);

    public static AssertionSpec Spec(
        string type, object? value = null, bool negate = false, double? threshold = null, double weight = 1, string? metric = null) =>
        new(type, negate, value, threshold, weight, metric, Where);

    public static EvalCase Case(
        string? expected = null,
        IReadOnlyList<AssertionSpec>? assertions = null,
        double? threshold = null,
        IReadOnlyList<string>? hints = null,
        IReadOnlyDictionary<string, object?>? vars = null) =>
        new()
        {
            Id = "case-1",
            Source = Where,
            Expected = expected,
            Assertions = assertions ?? [],
            Threshold = threshold,
            Hints = hints ?? [],
            Vars = vars ?? new Dictionary<string, object?>(),
        };

    /// <summary>Evaluates one spec against an output through the evaluator for its type.</summary>
    public static async Task<(Score Score, NumericMetric Metric)> EvaluateAsync(
        AssertionSpec spec, string output, EvalCase? evalCase = null, ScoringServices? services = null, Answer? answer = null)
    {
        var catalog = new AssertionCatalog(services ?? ScoringServices.Default);
        Assert.True(catalog.TryGet(spec.Type, out var evaluator), $"no evaluator for {spec.Type}");
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, output));
        var result = await evaluator.EvaluateAsync(
            [], response, null, [new AssertionContext(spec, evalCase ?? Case(), answer ?? Answer.Of(output))], TestContext.Current.CancellationToken);
        var metric = Assert.IsType<NumericMetric>(Assert.Single(result.Metrics).Value);
        return (ScoreMapping.ToScore(result), metric);
    }

    public static async Task<Score> ScoreAsync(AssertionSpec spec, string output, EvalCase? evalCase = null, ScoringServices? services = null, Answer? answer = null) =>
        (await EvaluateAsync(spec, output, evalCase, services, answer)).Score;
}

using Evolve.Core.Scoring;
using Evolve.Core.Scoring.Assertions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;
using static Evolve.Core.Tests.Scoring.ScoringKit;

namespace Evolve.Core.Tests.Scoring.Assertions;

public sealed class AssertionEvaluatorContractTests
{
    [Fact]
    public void Catalog_CoversEveryKnownType()
    {
        var catalog = new AssertionCatalog(ScoringServices.Default);

        Assert.Equal(AssertionTypes.All.Order(StringComparer.Ordinal), catalog.Types.Order(StringComparer.Ordinal));
        foreach (var type in AssertionTypes.All)
        {
            Assert.True(catalog.TryGet(type, out var evaluator));
            Assert.Equal([type], evaluator.EvaluationMetricNames);
        }
    }

    [Fact]
    public async Task Metric_Failing_CarriesNameValueInterpretationAndReason()
    {
        var (score, metric) = await EvaluateAsync(Spec("contains", "x"), "y");

        Assert.Equal("contains", metric.Name);
        Assert.Equal(0, metric.Value);
        Assert.NotNull(metric.Interpretation);
        Assert.True(metric.Interpretation.Failed);
        Assert.Equal(EvaluationRating.Unacceptable, metric.Interpretation.Rating);
        Assert.Equal(score.Feedback, metric.Reason);
        Assert.Equal(score.Feedback, metric.Interpretation.Reason);
    }

    [Fact]
    public async Task Metric_NamedMetricAndNegation_UsesTheMetricName()
    {
        var (_, named) = await EvaluateAsync(Spec("contains", "x", metric: "format"), "x");
        var (_, negated) = await EvaluateAsync(Spec("contains", "x", negate: true), "y");

        Assert.Equal("format", named.Name);
        Assert.False(named.Interpretation!.Failed);
        Assert.Equal(EvaluationRating.Exceptional, named.Interpretation.Rating);
        Assert.Equal("not-contains", negated.Name);
    }

    [Fact]
    public async Task Metric_BadData_IsInconclusiveWithErrorDiagnostic()
    {
        var (_, metric) = await EvaluateAsync(Spec("regex", "(("), "x");

        Assert.Equal(EvaluationRating.Inconclusive, metric.Interpretation!.Rating);
        var diagnostic = Assert.Single(metric.Diagnostics!);
        Assert.Equal(EvaluationDiagnosticSeverity.Error, diagnostic.Severity);
    }

    [Fact]
    public async Task EvaluateAsync_WithoutAssertionContext_Throws()
    {
        var catalog = new AssertionCatalog(ScoringServices.Default);
        catalog.TryGet("equals", out var evaluator);

        await Assert.ThrowsAsync<ArgumentException>(async () =>
            await evaluator.EvaluateAsync([], new ChatResponse(new ChatMessage(ChatRole.Assistant, "x")), cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Evaluator_SameSpecManyTimes_ParsesItOnce()
    {
        var evaluator = new CountingEvaluator();
        var spec = Spec("counting", "x");
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, "x"));

        for (var i = 0; i < 5; i++)
        {
            await evaluator.EvaluateAsync([], response, null, [new AssertionContext(spec, Case(), Answer.Of(response.Text))], TestContext.Current.CancellationToken);
        }

        await evaluator.EvaluateAsync([], response, null, [new AssertionContext(Spec("counting", "y"), Case(), Answer.Of(response.Text))], TestContext.Current.CancellationToken);
        Assert.Equal(2, evaluator.Parses);
    }

    private sealed class CountingEvaluator() : SyncAssertionEvaluator<string>("counting")
    {
        public int Parses { get; private set; }

        protected override string Parse(Evolve.Core.Suites.AssertionSpec spec)
        {
            Parses++;
            return (string)spec.Value!;
        }

        protected override AssertionCheck Check(string arg, AssertionContext context, string output) =>
            AssertionCheck.Binary(output == arg, "differs");
    }
}

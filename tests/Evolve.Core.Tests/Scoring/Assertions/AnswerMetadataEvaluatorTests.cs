using Evolve.Core.Scoring;
using static Evolve.Core.Tests.Scoring.ScoringKit;

namespace Evolve.Core.Tests.Scoring.Assertions;

/// <summary>latency, cost and finish-reason: they read what is known of how the answer was produced.</summary>
public sealed class AnswerMetadataEvaluatorTests
{
    private static Answer Measured(double ms, decimal? cost = null, string? finish = "stop", bool cached = false) =>
        new("hi") { Latency = TimeSpan.FromMilliseconds(ms), Cost = cost, FinishReason = finish, CacheHit = cached };

    [Theory]
    [InlineData(400, true)]
    [InlineData(500, true)]
    [InlineData(501, false)]
    public async Task Latency_PassesAtOrBelowTheThreshold(double ms, bool pass)
    {
        var (score, _) = await EvaluateAsync(Spec("latency", threshold: 500), "hi", answer: Measured(ms));

        Assert.Equal(pass, score.Pass);
    }

    [Fact]
    public async Task Latency_CachedAnswer_CannotBeCheckedEvenUnderNot()
    {
        var (score, _) = await EvaluateAsync(Spec("latency", negate: true, threshold: 500), "hi", answer: Measured(10, cached: true));

        Assert.False(score.Pass);
        Assert.Contains("--no-cache", score.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Latency_WithoutThreshold_IsASuiteProblem()
    {
        var (score, _) = await EvaluateAsync(Spec("latency"), "hi", answer: Measured(10));

        Assert.False(score.Pass);
        Assert.Contains("threshold", score.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cost_ComparesWithTheThresholdAndFailsWhenUnknown()
    {
        var (cheap, _) = await EvaluateAsync(Spec("cost", threshold: 0.01), "hi", answer: Measured(1, cost: 0.004m));
        var (dear, _) = await EvaluateAsync(Spec("cost", threshold: 0.01), "hi", answer: Measured(1, cost: 0.02m));
        var (unknown, _) = await EvaluateAsync(Spec("cost", threshold: 0.01), "hi", answer: Measured(1));

        Assert.Equal((true, false, false), (cheap.Pass, dear.Pass, unknown.Pass));
        Assert.Contains("$0.02", dear.Feedback, StringComparison.Ordinal);
        Assert.Contains("no known price", unknown.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FinishReason_IsCaseInsensitiveAndSaysWhenCutOff()
    {
        var (stop, _) = await EvaluateAsync(Spec("finish-reason", "STOP"), "hi", answer: Measured(1));
        var (cut, _) = await EvaluateAsync(Spec("finish-reason", "stop"), "hi", answer: Measured(1, finish: "length"));
        var (none, _) = await EvaluateAsync(Spec("finish-reason", "stop"), "hi", answer: Measured(1, finish: null));

        Assert.Equal((true, false, false), (stop.Pass, cut.Pass, none.Pass));
        Assert.Contains("cut off", cut.Feedback, StringComparison.Ordinal);
        Assert.Contains("no finish reason", none.Feedback, StringComparison.Ordinal);
    }

    // Mean log-probability -0.2: perplexity e^0.2 = 1.2214, perplexity score 1 / (1 + e^0.2) = 0.4502.
    private static Answer WithLogProbs() => new("hi") { LogProbs = [-0.1, -0.3] };

    [Theory]
    [InlineData(1.5, true)]
    [InlineData(1.2, false)]
    public async Task Perplexity_PassesAtOrBelowTheThreshold_ScoringOneOrZero(double threshold, bool pass)
    {
        var (score, _) = await EvaluateAsync(Spec("perplexity", threshold: threshold), "hi", answer: WithLogProbs());

        Assert.Equal(pass, score.Pass);
        Assert.Equal(pass ? 1 : 0, score.Value);
        Assert.True(pass || score.Feedback.Contains("perplexity is 1.221", StringComparison.Ordinal), score.Feedback);
    }

    [Theory]
    [InlineData(0.45, true)]
    [InlineData(0.46, false)]
    public async Task PerplexityScore_IsTheSigmoidOfTheMeanLogProb(double threshold, bool pass)
    {
        var (score, _) = await EvaluateAsync(Spec("perplexity-score", threshold: threshold), "hi", answer: WithLogProbs());

        Assert.Equal(pass, score.Pass);
        Assert.Equal(0.4502, score.Value, 4);
    }

    [Fact]
    public async Task Perplexity_NoLogProbs_CannotBeCheckedEvenUnderNot()
    {
        var (score, _) = await EvaluateAsync(Spec("perplexity", negate: true, threshold: 2), "hi", answer: new Answer("hi"));

        Assert.False(score.Pass);
        Assert.Contains("no token log-probabilities", score.Feedback, StringComparison.Ordinal);
    }
}

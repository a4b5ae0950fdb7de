using Evolve.Core.Scoring;
using Evolve.Kernel.Sandbox;
using static Evolve.Core.Tests.Scoring.ScoringKit;

namespace Evolve.Core.Tests.Scoring;

public sealed class CaseScorerTests
{
    private static readonly CaseScorer Scorer = new();

    [Fact]
    public async Task ScoreAsync_AllPass_IsOneWithSuccessNote()
    {
        var evalCase = Case(assertions: [Spec("contains", "4"), Spec("icontains", "four")], hints: ["units"]);

        var score = await Scorer.ScoreAsync(evalCase, [], "4 (four)", TestContext.Current.CancellationToken);

        Assert.True(score.Pass);
        Assert.Equal(1, score.Value);
        Assert.Equal("All 2 assertions passed.", score.Feedback);
        Assert.DoesNotContain("Hints", score.Feedback);
    }

    [Fact]
    public async Task ScoreAsync_DefaultsThenCaseAssertions_AreScoredInOrder()
    {
        var evalCase = Case(assertions: [Spec("equals", "4")]);

        var score = await Scorer.ScoreAsync(evalCase, [Spec("word-count", 1)], "4", TestContext.Current.CancellationToken);

        Assert.Equal(["word-count", "equals"], score.Assertions.Select(a => a.Type));
    }

    [Fact]
    public async Task ScoreAsync_Weights_GiveWeightedMeanAndIgnoreWeightZero()
    {
        var evalCase = Case(assertions:
        [
            Spec("contains", "a", weight: 3),
            Spec("contains", "zzz", weight: 1),
            Spec("contains", "missing", weight: 0),
        ]);

        var score = await Scorer.ScoreAsync(evalCase, [], "a b", TestContext.Current.CancellationToken);

        Assert.Equal(0.75, score.Value, 9);
        Assert.False(score.Pass);
        Assert.Equal(3, score.Assertions.Count);
        Assert.Contains("- contains: expected the answer to contain \"zzz\"", score.Feedback);
        Assert.Contains("- (weight 0, not counted) contains: expected the answer to contain \"missing\"", score.Feedback);
    }

    [Fact]
    public async Task ScoreAsync_OnlyWeightZeroFails_PassesButReportsIt()
    {
        var evalCase = Case(assertions: [Spec("contains", "a"), Spec("contains", "zzz", weight: 0)]);

        var score = await Scorer.ScoreAsync(evalCase, [], "a", TestContext.Current.CancellationToken);

        Assert.True(score.Pass);
        Assert.Equal(1, score.Value);
        Assert.StartsWith("Passed (score 1), but these checks failed:\n- (weight 0, not counted) contains:", score.Feedback);
    }

    [Fact]
    public async Task ScoreAsync_AllWeightsZero_UsesPlainMean()
    {
        var evalCase = Case(assertions: [Spec("contains", "a", weight: 0), Spec("contains", "zzz", weight: 0)]);

        var score = await Scorer.ScoreAsync(evalCase, [], "a", TestContext.Current.CancellationToken);

        Assert.Equal(0.5, score.Value);
        Assert.False(score.Pass);
    }

    [Theory]
    [InlineData(0.8, true)]
    [InlineData(0.9, false)]
    public async Task ScoreAsync_CaseThreshold_DecidesPassOnTheMean(double threshold, bool expectedPass)
    {
        var evalCase = Case(threshold: threshold, assertions:
        [
            Spec("contains", "a"), Spec("contains", "b"), Spec("contains", "c"), Spec("contains", "d"), Spec("contains", "zzz"),
        ]);

        var score = await Scorer.ScoreAsync(evalCase, [], "a b c d", TestContext.Current.CancellationToken);

        Assert.Equal(0.8, score.Value, 9);
        Assert.Equal(expectedPass, score.Pass);
        Assert.StartsWith(expectedPass ? "Passed (score 0.8, case threshold 0.8), but these checks failed:" : "Failed (score 0.8, case threshold 0.9):", score.Feedback);
    }

    [Fact]
    public async Task ScoreAsync_Failure_AppendsHintsLine()
    {
        var evalCase = Case(assertions: [Spec("equals", "42")], hints: ["empty list", "negative numbers"]);

        var score = await Scorer.ScoreAsync(evalCase, [], "The answer is 42.", TestContext.Current.CancellationToken);

        var lines = score.Feedback.Split('\n');
        Assert.Equal("Failed (score 0):", lines[0]);
        Assert.Equal("- equals: expected \"42\" but the answer was \"The answer is 42.\" — answer with the value only, with no other words.", lines[1]);
        Assert.Equal("Hints: empty list; negative numbers", lines[2]);
    }

    [Fact]
    public async Task ScoreAsync_NamedMetrics_AreReportedPerMetric()
    {
        var evalCase = Case(assertions:
        [
            Spec("contains", "def", metric: "format"),
            Spec("starts-with", "zzz", metric: "format"),
            Spec("word-count", 3, metric: "length"),
        ]);

        var score = await Scorer.ScoreAsync(evalCase, [], "def f x", TestContext.Current.CancellationToken);

        Assert.Equal(0.5, score.NamedMetrics["format"]);
        Assert.Equal(1, score.NamedMetrics["length"]);
        Assert.Contains("- [format] starts-with:", score.Feedback);
    }

    [Fact]
    public async Task ScoreAsync_AssertionThrows_IsIsolatedAsFailingScore()
    {
        var runner = new FakePythonTestRunner(() => throw new InvalidOperationException("sandbox exploded"));
        var scorer = new CaseScorer(new ScoringServices { PythonTestRunner = runner });
        var evalCase = Case(assertions: [Spec("python-tests", "def test_a():\n    assert True\n"), Spec("contains", "def")]);

        var score = await scorer.ScoreAsync(evalCase, [], "def f(): pass", TestContext.Current.CancellationToken);

        Assert.False(score.Pass);
        Assert.Equal(0.5, score.Value);
        var broken = score.Assertions[0].Score;
        Assert.False(broken.Pass);
        Assert.Contains("the check itself failed (InvalidOperationException: sandbox exploded)", broken.Feedback);
        Assert.Contains("System.InvalidOperationException: sandbox exploded", Assert.Single(broken.Diagnostics));
        Assert.True(score.Assertions[1].Score.Pass);
    }

    [Fact]
    public async Task ScoreAsync_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await Scorer.ScoreAsync(Case(assertions: [Spec("contains", "a")]), [], "a", cts.Token));
    }

    [Fact]
    public async Task ScoreAsync_UnsupportedType_FailsWithExplanation()
    {
        var score = await Scorer.ScoreAsync(Case(assertions: [Spec("moderation", "is polite")]), [], "hi", TestContext.Current.CancellationToken);

        Assert.False(score.Pass);
        Assert.Contains("calls an outside service", score.Assertions[0].Score.Feedback);
    }

    [Fact]
    public async Task ScoreAsync_NoAssertions_PassesWithNote()
    {
        var score = await Scorer.ScoreAsync(Case(), [], "anything", TestContext.Current.CancellationToken);

        Assert.True(score.Pass);
        Assert.Equal("No assertions: nothing was checked.", score.Feedback);
    }

    [Fact]
    public async Task ScoreAsync_PythonTestsWithoutRunner_FailsWithoutThrowing()
    {
        var score = await Scorer.ScoreAsync(Case(assertions: [Spec("python-tests", "def test_a():\n    assert f() == 1\n")]), [], "def f(): return 1", TestContext.Current.CancellationToken);

        Assert.False(score.Pass);
        Assert.Contains("no Python test runner is configured", score.Feedback);
    }

    [Fact]
    public async Task ScoreAsync_PythonTestsSharedDefault_RunsPerCaseWithItsEntryPoint()
    {
        var runner = FakePythonTestRunner.Returning(new PythonTestCaseResult("check", true, null));
        var scorer = new CaseScorer(new ScoringServices { PythonTestRunner = runner });
        var evalCase = Case(
            vars: new Dictionary<string, object?> { ["entry_point"] = "add" },
            assertions: [Spec("python-tests", "def check(candidate):\n    assert candidate(1, 2) == 3\n")]);

        var score = await scorer.ScoreAsync(evalCase, [], "```py\ndef add(a, b):\n    return a + b\n```", TestContext.Current.CancellationToken);

        Assert.True(score.Pass);
        Assert.Equal(("def add(a, b):\n    return a + b\n", "add"), (runner.Calls[0].Solution, runner.Calls[0].EntryPoint));
    }

    [Fact]
    public void Constructor_InvalidRegexTimeout_ThrowsListingTheSetting()
    {
        var error = Assert.Throws<ArgumentException>(() => new CaseScorer(new ScoringServices { RegexTimeout = TimeSpan.Zero }));

        Assert.Equal("Invalid scoring services: RegexTimeout must be more than 0 and at most 1 minute, not 00:00:00.", error.Message);
    }
}

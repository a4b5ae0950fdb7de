using Evolve.Core.Scoring;
using Evolve.Core.Scoring.Comparison;
using Evolve.Core.Scoring.Judges;
using Evolve.Kernel.Providers;
using static Evolve.Core.Tests.Scoring.ScoringKit;

namespace Evolve.Core.Tests.Scoring.Comparison;

/// <summary>select-best and max-score: their values, max-score's rule and select-best's judge call.</summary>
public sealed class ComparisonTests
{
    private static CaseScore Answer(params (string Type, double Score)[] assertions) =>
        new(0, false, "", [.. assertions.Select(a => new AssertionScore(a.Type, null, 1, new Score(a.Score, a.Score == 1, "", [])))]);

    private static bool[] Winners(IReadOnlyList<Score> verdicts) => [.. verdicts.Select(v => v.Pass)];

    [Fact]
    public void MaxScore_Average_TheHighestWins_TheFirstOnATie()
    {
        var options = MaxScoreOptions.Parse(null, null);

        Assert.Equal([false, true, false], Winners(MaxScorePick.Decide([Answer(("contains", 1), ("contains", 0)), Answer(("contains", 1), ("contains", 1)), Answer(("contains", 0), ("contains", 1))], options)));
        Assert.Equal([true, false], Winners(MaxScorePick.Decide([Answer(("contains", 1)), Answer(("contains", 1))], options)));
    }

    [Fact]
    public void MaxScore_WeightsByType_SumAndThreshold()
    {
        var answers = new[] { Answer(("starts-with", 1), ("not-contains", 1), ("contains", 0)), Answer(("starts-with", 0), ("not-contains", 1), ("contains", 1)) };
        var weighted = MaxScoreOptions.Parse(new Dictionary<string, object?> { ["weights"] = new Dictionary<string, object?> { ["contains"] = 3L, ["starts-with"] = 0L } }, null);
        var sumBelow = MaxScoreOptions.Parse(new Dictionary<string, object?> { ["method"] = "sum", ["threshold"] = 2.5 }, null);

        Assert.Equal([false, true], Winners(MaxScorePick.Decide(answers, weighted)));
        var none = MaxScorePick.Decide(answers, sumBelow);
        Assert.Equal([false, false], Winners(none));
        Assert.Contains("below the threshold 2.500", none[0].Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public void MaxScore_IgnoresOtherComparisons_AndNeedsAnotherAssertion()
    {
        var verdicts = MaxScorePick.Decide([Answer(("select-best", 1)), Answer(("select-best", 0))], MaxScoreOptions.Parse(null, null));

        Assert.Equal([false, false], Winners(verdicts));
        Assert.Contains("at least one other assertion", verdicts[0].Feedback, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("select-best", null, false, "value")]
    [InlineData("select-best", "most polite", true, "negated")]
    [InlineData("max-score", "best", false, "must be a map")]
    public void Values_AreCheckedAtLoad(string type, string? value, bool negate, string problem)
    {
        var errors = AssertionSpecValidator.Validate(Spec(type, value, negate), "assert[0]");

        Assert.Contains(errors, e => e.Message.Contains(problem, StringComparison.Ordinal) || e.Field!.EndsWith(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void MaxScore_BadOptions_SayWhich()
    {
        static string Problem(Dictionary<string, object?> value) =>
            Assert.Single(AssertionSpecValidator.Validate(Spec("max-score", value), "assert[0]")).Message;

        Assert.Contains("average or sum", Problem(new() { ["method"] = "median" }), StringComparison.Ordinal);
        Assert.Contains("no option 'wieghts'", Problem(new() { ["wieghts"] = null }), StringComparison.Ordinal);
        Assert.Contains("must be a number", Problem(new() { ["threshold"] = "high" }), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"reason\": \"the second is kinder\", \"best\": 1}", 1)]
    [InlineData("I pick 2.", 2)]
    public async Task SelectBest_ReadsJsonOrTheFirstNumber(string reply, int chosen)
    {
        var judge = new ScriptedChatClient((_, _) => reply);

        var verdicts = await SelectBestJudge.ChooseAsync(judge, "kindest", ["go away", "please", "thanks"], TestContext.Current.CancellationToken);

        Assert.Equal([.. Enumerable.Range(0, 3).Select(i => i == chosen)], Winners(verdicts));
        var call = Assert.Single(judge.Received);
        Assert.Contains("<answer index=\"1\">\nplease\n</answer>", call.Messages[^1].Text, StringComparison.Ordinal);
        Assert.Equal(["go away", "please", "thanks"], Assert.IsType<JudgeRequest>(call.Options!.AdditionalProperties![ModelRequestKeys.Judge]).Outputs);
    }

    [Theory]
    [InlineData("{\"best\": 7}")]
    [InlineData("no idea")]
    public async Task SelectBest_NoValidIndex_FailsEveryAnswerWithTheReply(string reply)
    {
        var verdicts = await SelectBestJudge.ChooseAsync(new ScriptedChatClient((_, _) => reply), "kindest", ["a", "b"], TestContext.Current.CancellationToken);

        Assert.All(verdicts, v => Assert.False(v.Pass));
        Assert.Contains("names no answer from 0 to 1", verdicts[0].Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaseScorer_LeavesComparisonsOutOfTheAnswersOwnScore()
    {
        var evalCase = Case(assertions: [Spec("contains", "hi"), Spec("max-score"), Spec("select-best", "friendliest")]);

        var score = await new CaseScorer().ScoreAsync(evalCase, [], "hi there", TestContext.Current.CancellationToken);

        Assert.True(score.Pass);
        Assert.Equal(["contains"], score.Assertions.Select(a => a.Type));
    }
}

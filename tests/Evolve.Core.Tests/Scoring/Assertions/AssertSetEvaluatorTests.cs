using Evolve.Core.Scoring;
using Evolve.Core.Suites;
using Evolve.Core.Tests.Suites;
using static Evolve.Core.Tests.Scoring.ScoringKit;

namespace Evolve.Core.Tests.Scoring.Assertions;

public sealed class AssertSetEvaluatorTests : IDisposable
{
    private readonly TempEvals _evals = new();

    public void Dispose() => _evals.Dispose();

    private static AssertionSpec Set(double? threshold, params AssertionSpec[] members) => Spec("assert-set", members.ToList(), threshold: threshold);

    [Fact]
    public async Task NoThreshold_EveryMemberMustPass()
    {
        var set = Set(null, Spec("contains", "Paris"), Spec("word-count", 1));

        Assert.True((await ScoreAsync(set, "Paris")).Pass);
        var score = await ScoreAsync(set, "Paris, France");
        Assert.Equal((false, 0.5), (score.Pass, score.Value));
        Assert.Contains("the set of 2 assertions scored 0.5: word-count: expected exactly 1 word", score.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Threshold_IsOnTheWeightedMeanOfTheMembers()
    {
        var set = Set(0.7, Spec("contains", "Paris", weight: 3), Spec("word-count", 1));

        var score = await ScoreAsync(set, "Paris, France");

        Assert.Equal((true, 0.75), (score.Pass, score.Value));
    }

    [Fact]
    public async Task MemberOfATypeNotScoredYet_CountsAsAnError()
    {
        var score = await ScoreAsync(Set(null, Spec("contains", "Paris"), Spec("moderation", "is polite")), "Paris");

        Assert.Equal((false, 0.5), (score.Pass, score.Value));
        Assert.Contains("calls an outside service", score.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NestedAssertList_IsReadAndCheckedWithItsField()
    {
        _evals.Write("s/suite.yaml", "agent: a\ncases: [c.yaml]\n");
        _evals.Write("s/c.yaml", """
            - id: one
              assert:
                - type: assert-set
                  threshold: 0.5
                  assert:
                    - { type: contains, value: Paris }
                    - { type: regex, value: "(" }
            """);

        var error = LoadErrors.Single(_evals, "s");

        Assert.Equal("assert[0].assert[1].value", error.Field);
    }

    [Fact]
    public void Load_AssertOnAnotherType_IsAnError()
    {
        _evals.Write("s/suite.yaml", "agent: a\ncases: [c.yaml]\n");
        _evals.Write("s/c.yaml", "- id: one\n  assert: [{ type: contains, value: x, assert: [] }]\n");

        var error = LoadErrors.Single(_evals, "s");

        Assert.Equal(("assert[0].assert", "only an assert-set has an 'assert' list"), (error.Field, error.Message));
    }

    [Fact]
    public async Task Load_ThenScore_GoesThroughTheCaseScorer()
    {
        _evals.Write("s/suite.yaml", "agent: a\ncases: [c.yaml]\n");
        _evals.Write("s/c.yaml", "- id: one\n  assert:\n    - type: assert-set\n      assert: [{ type: icontains, value: paris }, 'not-contains:sorry']\n");
        var suite = SuiteLoader.Load(_evals.EvalsDir, "s");

        var score = await new CaseScorer().ScoreAsync(suite.Cases[0], suite.DefaultAssertions, "Paris", TestContext.Current.CancellationToken);

        Assert.True(score.Pass);
        Assert.Equal("assert-set", Assert.Single(score.Assertions).Type);
    }
}

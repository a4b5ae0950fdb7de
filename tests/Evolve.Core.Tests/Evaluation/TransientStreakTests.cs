using Evolve.Core.Evaluation;
using Evolve.Core.Scoring;
using Evolve.Core.Suites;
using Evolve.Kernel;
using Evolve.Kernel.Providers;

namespace Evolve.Core.Tests.Evaluation;

public sealed class TransientStreakTests
{
    private static Rollout Make(string id, ModelCallFailure? failure) => new()
    {
        CandidateId = "c", CaseId = id, Repeat = 0, Split = Split.Train, Output = "", ModelFailure = failure,
        Error = failure is null ? null : "failed", Score = new CaseScore(0, false, "", []),
    };

    [Fact]
    public void Add_StreakBrokenByAnotherOutcome_ReleasesTheHeldRolloutsWithIt()
    {
        var streak = new TransientStreak(3);

        Assert.Empty(streak.Add(Make("a", ModelCallFailure.Transient)));
        Assert.Empty(streak.Add(Make("b", ModelCallFailure.Transient)));
        var released = streak.Add(Make("c", ModelCallFailure.Request));
        Assert.Empty(streak.Add(Make("d", ModelCallFailure.Transient)));
        Assert.Empty(streak.Add(Make("e", ModelCallFailure.Transient)));

        Assert.Equal(["a", "b", "c"], released.Select(r => r.CaseId));
    }

    [Fact]
    public void Add_LimitReached_ThrowsSystemic()
    {
        var streak = new TransientStreak(3);
        streak.Add(Make("a", ModelCallFailure.Transient));
        streak.Add(Make("b", ModelCallFailure.Transient));

        var ex = Assert.Throws<SystemicFailureException>(() => streak.Add(Make("c", ModelCallFailure.Transient)));

        Assert.StartsWith("3 rollouts in a row failed with transient model errors", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Drain_BetweenBatches_ReleasesHeldButKeepsCounting()
    {
        var streak = new TransientStreak(3);
        streak.Add(Make("a", ModelCallFailure.Transient));
        streak.Add(Make("b", ModelCallFailure.Transient));

        Assert.Equal(["a", "b"], streak.Drain().Select(r => r.CaseId));
        Assert.Throws<SystemicFailureException>(() => streak.Add(Make("c", ModelCallFailure.Transient)));
    }
}

using Evolve.Kernel.Agents.Scheduling;
using Evolve.Kernel.Tests.Providers;

namespace Evolve.Kernel.Tests.Agents.Scheduling;

public sealed class SchedulerStatsTests
{
    [Fact]
    public async Task Snapshot_TwoCallsOnOneSlot_RecordsWaitingAndTurnaroundPerOwner()
    {
        var time = new FakeTimeProvider();
        var rig = new SchedulingRig(slots: 1, time: time);
        var first = rig.Ask("a1", "a");
        var second = rig.Ask("b1", "b");

        time.Advance(TimeSpan.FromSeconds(10));
        (await rig.Inner.NextStartedAsync()).Release();
        await first;
        var started = await rig.Inner.NextStartedAsync();
        time.Advance(TimeSpan.FromSeconds(5));
        started.Release();
        await second;

        var stats = rig.Scheduler.Snapshot();
        Assert.Equal(new CallTimings(1, Summary(0, 0, 0), Summary(10, 10, 10)), stats.PerOwner["a"]);
        Assert.Equal(new CallTimings(1, Summary(10, 10, 10), Summary(15, 15, 15)), stats.PerOwner["b"]);
        Assert.Equal(new CallTimings(2, Summary(5, 0, 10), Summary(12.5, 10, 15)), stats.Overall);
    }

    [Fact]
    public void Snapshot_NoCalls_IsEmptyAndZero()
    {
        var stats = new ModelCallScheduler(new ModelCallSchedulerOptions()).Snapshot();

        Assert.Equal(new CallTimings(0, Summary(0, 0, 0), Summary(0, 0, 0)), stats.Overall);
        Assert.Empty(stats.PerOwner);
    }

    [Fact]
    public void Of_TwentyDurations_UsesMeanAndNearestRank()
    {
        var durations = Enumerable.Range(1, 20).Reverse().Select(s => TimeSpan.FromSeconds(s)).ToArray();

        var summary = TimingSummary.Of(durations);

        Assert.Equal(Summary(10.5, 10, 19), summary);
    }

    [Fact]
    public async Task Snapshot_TakenBeforeMoreCalls_DoesNotChange()
    {
        var rig = new SchedulingRig(slots: 1, time: new FakeTimeProvider());
        var first = rig.Ask("a1", "a");
        await rig.DrainAsync(1);
        await first;
        var before = rig.Scheduler.Snapshot();

        var second = rig.Ask("a2", "a");
        (await rig.Inner.NextStartedAsync()).Release();
        await second;

        Assert.Equal(1, before.Overall.Count);
        Assert.Equal(1, before.PerOwner["a"].Count);
        Assert.Equal(2, rig.Scheduler.Snapshot().PerOwner["a"].Count);
    }

    private static TimingSummary Summary(double mean, double p50, double p95) =>
        new(TimeSpan.FromSeconds(mean), TimeSpan.FromSeconds(p50), TimeSpan.FromSeconds(p95));
}

using Evolve.Kernel.Agents.Scheduling;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Tests.Agents.Scheduling;

public sealed class SchedulingChatClientTests
{
    [Fact]
    public async Task GetResponseAsync_MoreCallsThanSlots_RunsAtMostSlotsAtOnce()
    {
        var rig = new SchedulingRig(slots: 2);

        var calls = Enumerable.Range(1, 5).Select(i => rig.Ask($"c{i}", "a")).ToList();

        Assert.Equal(["c1", "c2"], rig.Inner.StartOrder);
        Assert.Equal(3, rig.Scheduler.QueuedCount);
        await rig.DrainAsync(5);
        var answers = await Task.WhenAll(calls);
        Assert.Equal(["done c1", "done c2", "done c3", "done c4", "done c5"], answers.Select(a => a.Text));
        Assert.Equal(2, rig.Inner.PeakConcurrency);
        Assert.Equal(0, rig.Scheduler.QueuedCount);
    }

    [Fact]
    public async Task GetResponseAsync_Fifo_StartsInArrivalOrder()
    {
        var rig = new SchedulingRig(slots: 1, SchedulingDiscipline.Fifo);

        var calls = new[] { ("A1", "A"), ("A2", "A"), ("A3", "A"), ("B1", "B"), ("B2", "B") }.Select(c => rig.Ask(c.Item1, c.Item2)).ToList();

        Assert.Equal(["A1", "A2", "A3", "B1", "B2"], await rig.DrainAsync(5));
        await Task.WhenAll(calls);
    }

    [Fact]
    public async Task GetResponseAsync_RoundRobin_InterleavesOwners()
    {
        var rig = new SchedulingRig(slots: 1, SchedulingDiscipline.RoundRobin);

        var calls = new[] { ("A1", "A"), ("A2", "A"), ("A3", "A"), ("B1", "B"), ("B2", "B") }.Select(c => rig.Ask(c.Item1, c.Item2)).ToList();

        Assert.Equal(["A1", "B1", "A2", "B2", "A3"], await rig.DrainAsync(5));
        await Task.WhenAll(calls);
    }

    [Fact]
    public async Task GetResponseAsync_RoundRobinWithoutOwner_SharesOneQueue()
    {
        var rig = new SchedulingRig(slots: 1, SchedulingDiscipline.RoundRobin);

        var calls = new[] { ("n1", null), ("n2", null), ("n3", null), ("A1", "A") }.Select(c => rig.Ask(c.Item1, c.Item2)).ToList();

        Assert.Equal(["n1", "A1", "n2", "n3"], await rig.DrainAsync(4));
        await Task.WhenAll(calls);
        Assert.Equal(new[] { ("", 3), ("A", 1) }, rig.Scheduler.Snapshot().PerOwner.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value.Count)));
    }

    [Fact]
    public async Task GetResponseAsync_CancelledWhileQueued_LeavesQueueAndNeverReachesInner()
    {
        var rig = new SchedulingRig(slots: 1);
        using var cancel = new CancellationTokenSource();
        var first = rig.Ask("c1", "a");
        var cancelled = rig.AskCancellable("c2", "a", cancel.Token);
        var third = rig.Ask("c3", "b");

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(1, rig.Scheduler.QueuedCount);
        Assert.Equal(["c1", "c3"], await rig.DrainAsync(2));
        await Task.WhenAll(first, third);
        Assert.Equal(2, rig.Scheduler.Snapshot().Overall.Count);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_HoldsSlotUntilStreamEnds()
    {
        var rig = new SchedulingRig(slots: 1);
        var stream = rig.Client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "s1")], SchedulingRig.Options("a"), TestContext.Current.CancellationToken)
            .ToChatResponseAsync(TestContext.Current.CancellationToken);

        var queued = rig.Ask("c2", "b");

        Assert.Equal(["s1"], rig.Inner.StartOrder);
        Assert.Equal(1, rig.Scheduler.QueuedCount);
        Assert.Equal(["s1", "c2"], await rig.DrainAsync(2));
        Assert.Equal("done s1", (await stream).Text);
        Assert.Equal("done c2", (await queued).Text);
    }
}

using Evolve.Kernel.Agents.Scheduling;

namespace Evolve.Kernel.Tests.Agents.Scheduling;

public sealed class ModelCallSchedulerTests
{
    [Fact]
    public void Constructor_InvalidOptions_ListsEveryProblemInOneMessage()
    {
        var options = new ModelCallSchedulerOptions { Slots = 0, Discipline = (SchedulingDiscipline)7 };

        var error = Assert.Throws<ArgumentException>(() => new ModelCallScheduler(options));

        Assert.Equal("Invalid model call scheduler options: Slots must be at least 1 (was 0). Discipline must be Fifo or RoundRobin (was 7).", error.Message);
    }

    [Fact]
    public void Constructor_Defaults_AreValid()
    {
        var options = new ModelCallSchedulerOptions();

        var scheduler = new ModelCallScheduler(options);

        Assert.Equal((4, SchedulingDiscipline.Fifo, 0), (options.Slots, options.Discipline, scheduler.QueuedCount));
    }

    [Fact]
    public async Task AcquireAsync_LeaseDisposedTwice_FreesOnlyOneSlot()
    {
        var scheduler = new ModelCallScheduler(new ModelCallSchedulerOptions { Slots = 1 });
        var first = await scheduler.AcquireAsync("a", TestContext.Current.CancellationToken);

        first.Dispose();
        first.Dispose();
        using var second = await scheduler.AcquireAsync("a", TestContext.Current.CancellationToken);
        var third = scheduler.AcquireAsync("a", TestContext.Current.CancellationToken);

        Assert.False(third.IsCompleted);
        Assert.Equal(1, scheduler.QueuedCount);
        second.Dispose();
        (await third).Dispose();
        Assert.Equal(3, scheduler.Snapshot().Overall.Count);
    }

    [Fact]
    public async Task AcquireAsync_AlreadyCancelled_ThrowsWithoutQueueing()
    {
        var scheduler = new ModelCallScheduler(new ModelCallSchedulerOptions { Slots = 1 });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scheduler.AcquireAsync("a", new CancellationToken(canceled: true)));

        Assert.Equal(0, scheduler.QueuedCount);
        Assert.Equal(0, scheduler.Snapshot().Overall.Count);
    }
}

namespace Evolve.Kernel.Tests.Providers.Resilience;

/// <summary>Drives a <see cref="FakeTimeProvider"/> instead of sleeping.</summary>
internal static class Clock
{
    /// <summary>Moves time forward in <paramref name="step"/>s until <paramref name="task"/> ends; returns the time that passed.</summary>
    public static async Task<TimeSpan> RunUntilDoneAsync(FakeTimeProvider time, Task task, TimeSpan step)
    {
        var start = time.GetUtcNow();
        for (var i = 0; i < 100_000 && !task.IsCompleted; i++)
        {
            time.Advance(step);
            await Task.Yield();
        }

        Assert.True(task.IsCompleted, "the call never finished");
        return time.GetUtcNow() - start;
    }

    /// <summary>Lets queued continuations run until <paramref name="condition"/> holds (no time passes).</summary>
    public static async Task SettleAsync(Func<bool> condition)
    {
        // Polls a condition other threads make true; the outcome never depends on how long this takes.
        for (var i = 0; i < 5_000 && !condition(); i++)
        {
            await Task.Delay(1);
        }

        Assert.True(condition(), "the expected state was never reached");
    }
}

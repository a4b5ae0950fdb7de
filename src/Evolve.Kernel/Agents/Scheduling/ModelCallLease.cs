namespace Evolve.Kernel.Agents.Scheduling;

/// <summary>
/// One held slot of a <see cref="ModelCallScheduler"/>. Disposing it ends the call: the turnaround
/// time is recorded and the slot passes to the next queued call. Disposing twice is harmless.
/// </summary>
public sealed class ModelCallLease : IDisposable
{
    private readonly ModelCallScheduler _scheduler;
    private int _released;

    internal ModelCallLease(ModelCallScheduler scheduler, string owner, DateTimeOffset enqueuedAt, DateTimeOffset startedAt)
    {
        _scheduler = scheduler;
        Owner = owner;
        EnqueuedAt = enqueuedAt;
        StartedAt = startedAt;
    }

    /// <summary>The owner the call was queued under ("" when it had none).</summary>
    public string Owner { get; }

    /// <summary>When the call entered the queue.</summary>
    public DateTimeOffset EnqueuedAt { get; }

    /// <summary>When the call got its slot.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _scheduler.Release(this);
        }
    }
}

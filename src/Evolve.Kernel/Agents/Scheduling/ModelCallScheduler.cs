namespace Evolve.Kernel.Agents.Scheduling;

/// <summary>
/// A bounded pool of model-call slots shared by many rollouts (AIOS-style scheduling). A call waits
/// for a slot in FIFO or round-robin order across owners, and its waiting time (queued to started)
/// and turnaround time (queued to finished) are recorded with the injected clock.
/// </summary>
public sealed class ModelCallScheduler
{
    private readonly Lock _gate = new();
    private readonly SortedSet<QueuedCall> _queue = new(QueuedCall.Order);
    private readonly Dictionary<string, long> _lastRound = new(StringComparer.Ordinal);
    private readonly SchedulerStatsRecorder _stats = new();
    private readonly TimeProvider _time;
    private readonly SchedulingDiscipline _discipline;
    private int _free;
    private long _sequence;
    private long _round;

    /// <summary>Validates <paramref name="options"/> once; <paramref name="timeProvider"/> defaults to the system clock.</summary>
    /// <exception cref="ArgumentException">Listing every invalid option.</exception>
    public ModelCallScheduler(ModelCallSchedulerOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _free = options.Slots;
        _discipline = options.Discipline;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>How many calls are waiting for a slot right now.</summary>
    public int QueuedCount
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>
    /// Waits for a slot for a call of <paramref name="owner"/> (null or empty: the shared ownerless
    /// queue). Cancelling while queued removes the call from the queue and throws
    /// <see cref="OperationCanceledException"/>. Dispose the lease when the call ends.
    /// </summary>
    public async Task<ModelCallLease> AcquireAsync(string? owner, CancellationToken cancellationToken = default)
    {
        QueuedCall call;
        lock (_gate)
        {
            cancellationToken.ThrowIfCancellationRequested();
            call = new QueuedCall(owner ?? "", NextRound(owner ?? ""), _sequence++, _time.GetUtcNow());
            if (_free > 0 && _queue.Count == 0)
            {
                _free--;
                _round = call.Round;
                return new ModelCallLease(this, call.Owner, call.EnqueuedAt, call.EnqueuedAt);
            }

            _queue.Add(call);
        }

        using (cancellationToken.Register(() => Cancel(call, cancellationToken)))
        {
            var startedAt = await call.Started.Task.ConfigureAwait(false);
            return new ModelCallLease(this, call.Owner, call.EnqueuedAt, startedAt);
        }
    }

    /// <summary>A consistent copy of the timings of every finished call so far.</summary>
    public SchedulerStats Snapshot() => _stats.Snapshot();

    internal void Release(ModelCallLease lease)
    {
        var finishedAt = _time.GetUtcNow();
        _stats.Record(lease.Owner, lease.StartedAt - lease.EnqueuedAt, finishedAt - lease.EnqueuedAt);
        lock (_gate)
        {
            if (_queue.Count == 0)
            {
                _free++;
                return;
            }

            // The slot passes straight to the next call, so a newcomer can never overtake the queue.
            var next = _queue.Min!;
            _queue.Remove(next);
            _round = next.Round;
            next.Started.SetResult(finishedAt);
        }
    }

    /// <summary>
    /// Round-robin gives an owner's n-th queued call round n, counted from the current round so an
    /// owner that was idle does not bank turns; FIFO puts every call in round 0 (arrival order).
    /// </summary>
    private long NextRound(string owner)
    {
        if (_discipline == SchedulingDiscipline.Fifo)
        {
            return 0;
        }

        var round = _lastRound.TryGetValue(owner, out var last) ? Math.Max(_round, last + 1) : _round;
        _lastRound[owner] = round;
        return round;
    }

    private void Cancel(QueuedCall call, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // Not in the queue any more means a slot was already handed over; the caller owns it.
            if (_queue.Remove(call))
            {
                call.Started.SetCanceled(cancellationToken);
            }
        }
    }
}

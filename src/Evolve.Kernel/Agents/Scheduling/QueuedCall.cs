namespace Evolve.Kernel.Agents.Scheduling;

/// <summary>A call waiting for a slot; ordered by (round, arrival) so one sorted set serves both disciplines.</summary>
internal sealed class QueuedCall(string owner, long round, long sequence, DateTimeOffset enqueuedAt)
{
    /// <summary>Orders by round, then arrival; sequences are unique, so no two calls compare equal.</summary>
    public static readonly IComparer<QueuedCall> Order = Comparer<QueuedCall>.Create((a, b) =>
    {
        var byRound = a.Round.CompareTo(b.Round);
        return byRound != 0 ? byRound : a.Sequence.CompareTo(b.Sequence);
    });

    public string Owner { get; } = owner;

    public long Round { get; } = round;

    public long Sequence { get; } = sequence;

    public DateTimeOffset EnqueuedAt { get; } = enqueuedAt;

    /// <summary>Completed with the start time when a slot is handed over, or cancelled.</summary>
    public TaskCompletionSource<DateTimeOffset> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

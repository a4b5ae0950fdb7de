namespace Evolve.Kernel.Agents.Scheduling;

/// <summary>Waiting and turnaround times of a set of finished model calls.</summary>
/// <param name="Count">How many calls finished.</param>
/// <param name="Waiting">From entering the queue to getting a slot.</param>
/// <param name="Turnaround">From entering the queue to releasing the slot.</param>
public sealed record CallTimings(int Count, TimingSummary Waiting, TimingSummary Turnaround)
{
    /// <summary>Summarizes finished calls given as (waiting, turnaround) pairs.</summary>
    internal static CallTimings Of(IReadOnlyCollection<(TimeSpan Waiting, TimeSpan Turnaround)> calls) =>
        new(calls.Count,
            TimingSummary.Of(calls.Select(c => c.Waiting).ToArray()),
            TimingSummary.Of(calls.Select(c => c.Turnaround).ToArray()));
}

namespace Evolve.Kernel.Agents.Scheduling;

/// <summary>Thread-safe store of finished calls' timings; snapshots are copies, never live views.</summary>
internal sealed class SchedulerStatsRecorder
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<(TimeSpan Waiting, TimeSpan Turnaround)>> _byOwner = new(StringComparer.Ordinal);

    public void Record(string owner, TimeSpan waiting, TimeSpan turnaround)
    {
        lock (_gate)
        {
            if (!_byOwner.TryGetValue(owner, out var calls))
            {
                calls = [];
                _byOwner[owner] = calls;
            }

            calls.Add((waiting, turnaround));
        }
    }

    public SchedulerStats Snapshot()
    {
        Dictionary<string, (TimeSpan, TimeSpan)[]> copy;
        lock (_gate)
        {
            copy = _byOwner.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        }

        var perOwner = copy.ToDictionary(p => p.Key, p => CallTimings.Of(p.Value), StringComparer.Ordinal);
        return new SchedulerStats(CallTimings.Of(copy.Values.SelectMany(c => c).ToArray()), perOwner);
    }
}

using Evolve.Core.Evaluation;
using Evolve.Core.Runs.Events;
using Evolve.Kernel.Providers.Usage;

namespace Evolve.Core.Runs;

/// <summary>
/// Reads the models' ledgers when a run's work starts and stores what was spent since as a
/// <see cref="UsageEvent"/> each time it is asked: only this run's calls, even when the ledgers
/// serve more, under an invocation number of its own.
/// </summary>
internal sealed class RunUsageRecorder
{
    private readonly ModelUsage? _usage;
    private readonly int _invocation;
    private readonly UsageTotals _task;
    private readonly UsageTotals _reflection;
    private readonly UsageTotals _judge;

    private RunUsageRecorder(ModelUsage? usage, int invocation)
    {
        _usage = usage;
        _invocation = invocation;
        _task = usage?.For(ModelRole.Task) ?? UsageTotals.Zero;
        _reflection = usage?.For(ModelRole.Reflection) ?? UsageTotals.Zero;
        _judge = usage?.For(ModelRole.Judge) ?? UsageTotals.Zero;
    }

    /// <summary>Starts counting a new invocation of the run in <paramref name="store"/>; with no ledgers (test fakes) <see cref="Record"/> stores nothing.</summary>
    public static RunUsageRecorder Start(ModelUsage? usage, RunStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var earlier = store.LoadEvents<UsageEvent>().Select(e => e.Invocation).DefaultIfEmpty(0).Max();
        return new(usage, earlier + 1);
    }

    /// <summary>Appends the usage event for the calls made since <see cref="Start"/>; a later one of the same invocation supersedes it.</summary>
    public void Record(RunStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (_usage is not null)
        {
            store.AppendEvent(new UsageEvent(_usage.For(ModelRole.Task) - _task, _usage.For(ModelRole.Reflection) - _reflection, _invocation)
            {
                Judge = _usage.For(ModelRole.Judge) - _judge,
            });
        }
    }
}

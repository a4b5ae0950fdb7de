using Evolve.Core.Evaluation;
using Evolve.Kernel.Providers.Usage;

namespace Evolve.Core.Runs;

/// <summary>
/// Reads the models' ledgers when a run's work starts and, when it ends, stores what was spent in
/// between as a <see cref="UsageEvent"/>: only this run's calls, even when the ledgers serve more.
/// </summary>
internal sealed class RunUsageRecorder
{
    private readonly ModelUsage? _usage;
    private readonly UsageTotals _task;
    private readonly UsageTotals _reflection;

    private RunUsageRecorder(ModelUsage? usage)
    {
        _usage = usage;
        _task = usage?.For(ModelRole.Task) ?? UsageTotals.Zero;
        _reflection = usage?.For(ModelRole.Reflection) ?? UsageTotals.Zero;
    }

    /// <summary>Starts counting; with no ledgers (test fakes) <see cref="Record"/> stores nothing.</summary>
    public static RunUsageRecorder Start(ModelUsage? usage) => new(usage);

    /// <summary>Appends the usage event for the calls made since <see cref="Start"/>.</summary>
    public void Record(RunStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (_usage is not null)
        {
            store.AppendEvent(UsageEvent.Kind, new UsageEvent(_usage.For(ModelRole.Task) - _task, _usage.For(ModelRole.Reflection) - _reflection));
        }
    }
}

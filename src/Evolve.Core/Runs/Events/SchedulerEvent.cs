using Evolve.Kernel.Agents.Scheduling;

namespace Evolve.Core.Runs.Events;

/// <summary>
/// The "scheduler" run event, written when an optimization finishes and read by the run report:
/// how many model-call slots the candidates shared and how long their calls waited for one.
/// </summary>
/// <param name="Slots">Model-call slots; 0 in runs recorded before the count was stored.</param>
/// <param name="Overall">Every finished task-model call.</param>
/// <param name="PerOwner">Finished calls by candidate id.</param>
public sealed record SchedulerEvent(int Slots, CallTimings Overall, IReadOnlyDictionary<string, CallTimings> PerOwner) : IRunEvent
{
    /// <inheritdoc/>
    public static string Kind => "scheduler";
}

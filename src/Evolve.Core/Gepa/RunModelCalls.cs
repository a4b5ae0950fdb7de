using Evolve.Kernel.Agents.Scheduling;
using Microsoft.Extensions.AI;

namespace Evolve.Core.Gepa;

/// <summary>The task model as <c>evolve run</c> calls it: every candidate's model calls share one pool of slots, served round-robin.</summary>
internal static class RunModelCalls
{
    /// <summary>The scheduler (its figures go to the run report) and the client that waits on it.</summary>
    public static (ModelCallScheduler Scheduler, IChatClient Client) Create(IChatClient model, GepaOptions options, TimeProvider time)
    {
        var scheduler = new ModelCallScheduler(new ModelCallSchedulerOptions { Slots = options.EffectiveModelSlots, Discipline = SchedulingDiscipline.RoundRobin }, time);
        return (scheduler, new SchedulingChatClient(model, scheduler));
    }
}

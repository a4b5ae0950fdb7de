namespace Evolve.Kernel.Agents.Scheduling;

/// <summary>The order in which queued model calls get a free slot.</summary>
public enum SchedulingDiscipline
{
    /// <summary>Strict arrival order, whoever the owner.</summary>
    Fifo,

    /// <summary>
    /// One call per owner per round, owners taken in arrival order within a round, so a candidate
    /// that queues many calls cannot starve the others.
    /// </summary>
    RoundRobin,
}

namespace Evolve.Kernel.Agents.Scheduling;

/// <summary>An immutable snapshot of a <see cref="ModelCallScheduler"/>'s finished calls.</summary>
/// <param name="Overall">Every finished call.</param>
/// <param name="PerOwner">Finished calls by owner; calls without an owner are under "".</param>
public sealed record SchedulerStats(CallTimings Overall, IReadOnlyDictionary<string, CallTimings> PerOwner);

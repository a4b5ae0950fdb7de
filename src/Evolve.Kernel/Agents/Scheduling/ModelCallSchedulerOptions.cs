namespace Evolve.Kernel.Agents.Scheduling;

/// <summary>The size of the slot pool and the queue discipline of a <see cref="ModelCallScheduler"/>.</summary>
public sealed class ModelCallSchedulerOptions
{
    /// <summary>How many model calls may run at once; at least 1. Default: 4.</summary>
    public int Slots { get; init; } = 4;

    /// <summary>Which queued call gets a freed slot. Default: <see cref="SchedulingDiscipline.Fifo"/>.</summary>
    public SchedulingDiscipline Discipline { get; init; } = SchedulingDiscipline.Fifo;

    /// <summary>Throws one <see cref="ArgumentException"/> listing every invalid option.</summary>
    internal void Validate()
    {
        var problems = new List<string>();
        if (Slots < 1)
        {
            problems.Add($"Slots must be at least 1 (was {Slots}).");
        }

        if (!Enum.IsDefined(Discipline))
        {
            problems.Add($"Discipline must be Fifo or RoundRobin (was {(int)Discipline}).");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid model call scheduler options: " + string.Join(" ", problems));
        }
    }
}

namespace Evolve.Kernel.Agents.Memory;

/// <summary>Size caps of an agent's memory files, in characters of the stored Markdown.</summary>
public sealed class MemoryOptions
{
    /// <summary>The cap of MEMORY.md; default 2,200 characters.</summary>
    public int MemoryCharLimit { get; init; } = MemoryDefaults.MemoryCharLimit;

    /// <summary>The cap of USER.md; default 1,375 characters.</summary>
    public int UserCharLimit { get; init; } = MemoryDefaults.UserCharLimit;

    internal int LimitOf(MemoryTarget target) => target == MemoryTarget.User ? UserCharLimit : MemoryCharLimit;

    /// <summary>Throws one <see cref="ArgumentException"/> listing every invalid option.</summary>
    internal void Validate()
    {
        var problems = new List<string>();
        if (MemoryCharLimit < MemoryDefaults.MinimumCharLimit)
        {
            problems.Add($"MemoryCharLimit must be at least {MemoryDefaults.MinimumCharLimit} (was {MemoryCharLimit}).");
        }

        if (UserCharLimit < MemoryDefaults.MinimumCharLimit)
        {
            problems.Add($"UserCharLimit must be at least {MemoryDefaults.MinimumCharLimit} (was {UserCharLimit}).");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid memory options: " + string.Join(" ", problems));
        }
    }
}

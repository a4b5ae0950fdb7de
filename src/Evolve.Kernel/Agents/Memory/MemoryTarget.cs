namespace Evolve.Kernel.Agents.Memory;

/// <summary>Which of an agent's two memory files an edit applies to.</summary>
public enum MemoryTarget
{
    /// <summary>MEMORY.md: what the agent learned about its work and environment.</summary>
    Memory,

    /// <summary>USER.md: what the agent knows about the person it works for.</summary>
    User,
}

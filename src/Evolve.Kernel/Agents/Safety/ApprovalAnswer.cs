namespace Evolve.Kernel.Agents.Safety;

/// <summary>An approver's reply.</summary>
public enum ApprovalAnswer
{
    /// <summary>Nobody could answer (non-interactive run, closed terminal, timeout); the guard denies.</summary>
    Unavailable,

    /// <summary>A person said yes.</summary>
    Approved,

    /// <summary>A person said no.</summary>
    Denied,
}

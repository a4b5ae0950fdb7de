namespace Evolve.Kernel.Agents.Safety;

/// <summary>What a safety rule says about a tool call it matches.</summary>
public enum ToolPermission
{
    /// <summary>Run it.</summary>
    Allow,

    /// <summary>Run it only if the approver says yes; denied when nobody can answer.</summary>
    Ask,

    /// <summary>Refuse it.</summary>
    Deny,
}

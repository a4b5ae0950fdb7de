namespace Evolve.Kernel.Agents.Safety;

/// <summary>The guard's answer for one tool call.</summary>
/// <param name="Allowed">Whether the call may run.</param>
/// <param name="Reason">Why, in words fit for a log and for the model (which rule, blocklist entry or approver decided).</param>
/// <param name="ResolvedPath">For path checks that pass, the fully resolved path the tool must use; otherwise null.</param>
public sealed record SafetyDecision(bool Allowed, string Reason, string? ResolvedPath = null)
{
    internal static SafetyDecision Deny(string reason) => new(false, reason);
}

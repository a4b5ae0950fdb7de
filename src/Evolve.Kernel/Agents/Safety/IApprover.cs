namespace Evolve.Kernel.Agents.Safety;

/// <summary>Asks someone whether a tool call may run (a terminal prompt, a chat button, a webhook).</summary>
public interface IApprover
{
    /// <summary>
    /// Returns the answer; <see cref="ApprovalAnswer.Unavailable"/> when nobody can answer. An
    /// exception is treated as a refusal.
    /// </summary>
    Task<ApprovalAnswer> ApproveAsync(ApprovalRequest request, CancellationToken cancellationToken = default);
}

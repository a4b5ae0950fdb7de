namespace Evolve.Kernel.Agents.Safety;

/// <summary>The approver of runs with nobody watching: it can never answer, so every ask is denied.</summary>
public sealed class NonInteractiveApprover : IApprover
{
    /// <summary>The shared instance.</summary>
    public static NonInteractiveApprover Instance { get; } = new();

    /// <inheritdoc />
    public Task<ApprovalAnswer> ApproveAsync(ApprovalRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(ApprovalAnswer.Unavailable);
}

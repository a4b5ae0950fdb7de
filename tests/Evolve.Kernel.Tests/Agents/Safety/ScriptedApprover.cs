using Evolve.Kernel.Agents.Safety;

namespace Evolve.Kernel.Tests.Agents.Safety;

/// <summary>An approver that gives a fixed answer (or throws) and records what it was asked.</summary>
internal sealed class ScriptedApprover(ApprovalAnswer answer, Exception? failure = null) : IApprover
{
    public List<ApprovalRequest> Requests { get; } = [];

    public Task<ApprovalAnswer> ApproveAsync(ApprovalRequest request, CancellationToken cancellationToken = default)
    {
        Requests.Add(request);
        return failure is null ? Task.FromResult(answer) : Task.FromException<ApprovalAnswer>(failure);
    }
}

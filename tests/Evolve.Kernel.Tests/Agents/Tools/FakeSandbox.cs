using Evolve.Kernel.Sandbox;

namespace Evolve.Kernel.Tests.Agents.Tools;

/// <summary>A sandbox that records requests and returns a fixed result.</summary>
internal sealed class FakeSandbox(string stdout, string stderr = "") : ISandbox
{
    public List<SandboxRequest> Requests { get; } = [];

    public SandboxLevel Level => SandboxLevel.Process;

    public Task<SandboxResult> RunAsync(SandboxRequest request, CancellationToken cancellationToken = default)
    {
        Requests.Add(request);
        return Task.FromResult(new SandboxResult(SandboxOutcome.Exited, 0, stdout, stderr, false, TimeSpan.Zero, Level));
    }
}

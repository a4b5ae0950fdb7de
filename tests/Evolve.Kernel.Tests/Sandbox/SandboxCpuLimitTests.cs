using Evolve.Kernel.Sandbox;

namespace Evolve.Kernel.Tests.Sandbox;

/// <summary>
/// RLIMIT_CPU kills a busy loop long before the wall-time limit; every level must report that
/// as the CPU limit, whatever wrapper (unshare, bwrap) sits between Evolve and the code.
/// </summary>
public sealed class SandboxCpuLimitTests
{
    [Theory]
    [MemberData(nameof(SandboxLevels.Available), MemberType = typeof(SandboxLevels))]
    public async Task RunAsync_BusyLoopPastCpuLimit_ReportedAsCpuTime(SandboxLevel level)
    {
        var limits = SandboxLevels.Short with { CpuTime = TimeSpan.FromSeconds(1), WallTime = TimeSpan.FromSeconds(60) };

        var result = await SandboxLevels.Create(level).RunAsync(SandboxLevels.Python("while True:\n    pass", limits), TestContext.Current.CancellationToken);

        Assert.Equal(SandboxOutcome.TimedOut, result.Outcome);
        Assert.Contains("more than 1 s of CPU time", result.Explanation, StringComparison.Ordinal);
        Assert.Equal(level, result.Level);
    }
}

using Evolve.Kernel.Sandbox;

namespace Evolve.Kernel.Tests.Sandbox;

/// <summary>
/// The process level has no tmpfs, so RLIMIT_FSIZE is what stops one file from filling the host
/// disk; a run that hits it must say so, whether the write fails (Python ignores SIGXFSZ and gets
/// EFBIG) or the writer is killed by SIGXFSZ.
/// </summary>
public sealed class SandboxFileSizeTests
{
    private const string CapMiB = "64 MiB";

    [Fact]
    public async Task RunAsync_PythonWritesPastFileCap_WriteFailsAndExplanationNamesLimit()
    {
        var code = "with open('big.bin', 'wb') as f:\n    f.write(b'x' * (65 * 1024 * 1024))\nprint('wrote')";

        var result = await SandboxLevels.Create(SandboxLevel.Process).RunAsync(SandboxLevels.Python(code), TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.DoesNotContain("wrote", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("File too large", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("file-size limit", result.Explanation, StringComparison.Ordinal);
        Assert.Contains(CapMiB, result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ShellWritesPastFileCap_KilledBySigxfszWithLimitNamed()
    {
        var request = new SandboxRequest(["/bin/sh", "-c", "head -c 70000000 /dev/zero > big.bin"], Limits: SandboxLevels.Short);

        var result = await SandboxLevels.Create(SandboxLevel.Process).RunAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(SandboxOutcome.Killed, result.Outcome);
        Assert.Contains("SIGXFSZ", result.Explanation, StringComparison.Ordinal);
        Assert.Contains("file-size limit", result.Explanation, StringComparison.Ordinal);
        Assert.Contains(CapMiB, result.Explanation, StringComparison.Ordinal);
    }
}

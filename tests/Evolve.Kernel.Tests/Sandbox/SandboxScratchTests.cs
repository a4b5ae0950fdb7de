using Evolve.Kernel.Sandbox;

namespace Evolve.Kernel.Tests.Sandbox;

/// <summary>
/// The isolating levels give the code size-capped tmpfs scratch space (work dir, /dev/shm, /tmp):
/// many files each under the per-file limit must still not add up past the cap on host memory or disk.
/// </summary>
public sealed class SandboxScratchTests
{
    private const string Fill = """
        import os
        def fill(d):
            total = 0
            try:
                for i in range(6):
                    with open(os.path.join(d, "fill%d" % i), "wb") as f:
                        for _ in range(50):
                            f.write(b"\0" * (1 << 20))
                            f.flush()
                            total += 1
            except OSError:
                pass
            return total
        print(fill("."), fill("/dev/shm"), fill("/tmp"))
        """;

    [Theory]
    [MemberData(nameof(SandboxLevels.Isolating), MemberType = typeof(SandboxLevels))]
    public async Task RunAsync_ManyFilesInScratchPlaces_StopAtTheCap(SandboxLevel level)
    {
        var limits = SandboxLevels.Short with { WallTime = TimeSpan.FromSeconds(20), CpuTime = TimeSpan.FromSeconds(10) };

        var result = await SandboxLevels.Create(level).RunAsync(SandboxLevels.Python(Fill, limits), TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Explanation ?? result.Stderr);
        var mebibytes = result.Stdout.Trim().Split(' ').Select(int.Parse).ToArray();
        Assert.Equal(3, mebibytes.Length);
        Assert.All(mebibytes, written => Assert.InRange(written, 1, SandboxSetup.ScratchBytes >> 20));
    }
}

using Evolve.Kernel.Sandbox;

namespace Evolve.Kernel.Tests.Sandbox;

/// <summary>
/// The executor runs at most its slots' worth of programs at once, so CPU-bound code on a busy
/// machine is stopped by its CPU limit, as on an idle one, and not by the wall-time limit.
/// </summary>
public sealed class SandboxSlotsTests
{
    // Each program marks itself present in a shared folder (the process level sees the host's files),
    // counts who else is, and stays a moment so that overlapping runs would see each other.
    private const string Present = """
        import os, sys, time
        folder = sys.argv[1]
        me = os.path.join(folder, str(os.getpid()))
        open(me, "w").close()
        print(len(os.listdir(folder)))
        time.sleep(0.3)
        os.remove(me)
        """;

    [Fact]
    public async Task RunAsync_MoreProgramsThanSlots_NeverMoreRunningAtOnce()
    {
        using var temp = new TempDirectory();
        using var slots = new SemaphoreSlim(2);
        var sandbox = new ProcessSandbox(new SandboxExecutor(TimeProvider.System, uids: null, slots));
        var request = new SandboxRequest(["python3", "main.py", temp.Path], new Dictionary<string, string> { ["main.py"] = Present });

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => sandbox.RunAsync(request, TestContext.Current.CancellationToken)));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Explanation ?? r.Stderr));
        Assert.All(results, r => Assert.InRange(int.Parse(r.Stdout.Trim(), System.Globalization.CultureInfo.InvariantCulture), 1, 2));
    }
}

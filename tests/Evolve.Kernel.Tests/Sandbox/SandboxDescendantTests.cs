using Evolve.Kernel.Sandbox;

namespace Evolve.Kernel.Tests.Sandbox;

/// <summary>
/// At the process level as a non-root user there is no pid namespace and no leased uid to sweep:
/// a grandchild that calls setsid() after a double fork leaves the run's session and process
/// group, so only a subreaper holding every orphan of the case can end it. The executor here has
/// no uid pool, which is exactly the path a non-root caller takes (even when the tests run as root).
/// </summary>
public sealed class SandboxDescendantTests
{
    // The grandchild writes its pid, lets the main process go on, drops the run's pipes and sleeps.
    private const string DoubleFork = """
        import os, sys, time
        pid_file, then = sys.argv[1], sys.argv[2]
        r, w = os.pipe()
        if os.fork() == 0:
            os.setsid()
            if os.fork() == 0:
                with open(pid_file + ".part", "w") as f:
                    f.write(str(os.getpid()))
                os.rename(pid_file + ".part", pid_file)
                os.write(w, b"x")
                null = os.open(os.devnull, os.O_RDWR)
                for fd in (0, 1, 2):
                    os.dup2(null, fd)
                os.closerange(3, 256)
                time.sleep(900)
            os._exit(0)
        os.read(r, 1)
        print("started", flush=True)
        if then == "loop":
            while True:
                pass
        """;

    [Fact]
    public async Task RunAsync_SetsidGrandchildAfterExit_GoneWhenRunReturns()
    {
        using var temp = new TempDirectory();
        var pidFile = Path.Combine(temp.Path, "grandchild.pid");

        var result = await NonRootProcessLevel().RunAsync(Request(pidFile, "exit", SandboxLevels.Short), TestContext.Current.CancellationToken);

        var pid = int.Parse(File.ReadAllText(pidFile), System.Globalization.CultureInfo.InvariantCulture);
        using var cleanup = new KillOnDispose(pid);
        Assert.True(result.Succeeded, result.Explanation ?? result.Stderr);
        Assert.Equal("started", result.Stdout.Trim());
        Assert.False(IsGrandchildAlive(pid), $"grandchild {pid} outlived the run");
    }

    [Fact]
    public async Task RunAsync_SetsidGrandchildThenTimeout_GoneWhenRunReturns()
    {
        using var temp = new TempDirectory();
        var pidFile = Path.Combine(temp.Path, "grandchild.pid");
        var limits = SandboxLevels.Short with { WallTime = TimeSpan.FromSeconds(1), CpuTime = TimeSpan.FromSeconds(30) };

        var result = await NonRootProcessLevel().RunAsync(Request(pidFile, "loop", limits), TestContext.Current.CancellationToken);

        var pid = int.Parse(File.ReadAllText(pidFile), System.Globalization.CultureInfo.InvariantCulture);
        using var cleanup = new KillOnDispose(pid);
        Assert.Equal(SandboxOutcome.TimedOut, result.Outcome);
        Assert.False(IsGrandchildAlive(pid), $"grandchild {pid} outlived the run");
    }

    private static ProcessSandbox NonRootProcessLevel() => new ProcessSandbox(new SandboxExecutor(TimeProvider.System, uids: null));

    private static SandboxRequest Request(string pidFile, string then, SandboxLimits limits) =>
        new(["python3", "main.py", pidFile, then], new Dictionary<string, string> { ["main.py"] = DoubleFork }, Limits: limits);

    // A pid can be reused, so alive means: that pid still runs our python and is not a zombie.
    private static bool IsGrandchildAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..][0];
            return state != 'Z' && File.ReadAllText($"/proc/{pid}/cmdline").Contains("main.py", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    // So a failing test does not leave its grandchild sleeping on the machine.
    private sealed class KillOnDispose(int pid) : IDisposable
    {
        public void Dispose()
        {
            if (IsGrandchildAlive(pid))
            {
                System.Diagnostics.Process.GetProcessById(pid).Kill();
            }
        }
    }
}

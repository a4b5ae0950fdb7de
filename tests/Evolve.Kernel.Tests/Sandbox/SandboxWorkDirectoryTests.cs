using System.Diagnostics;
using System.Globalization;
using Evolve.Kernel.Sandbox;

namespace Evolve.Kernel.Tests.Sandbox;

/// <summary>
/// A work dir holds a case's hidden tests. When Evolve is killed mid-case nothing deletes it, so
/// work dirs carry their owner (pid and process start time) in their name and the next executor
/// to run a case removes those whose owner is gone, and only those.
/// </summary>
public sealed class SandboxWorkDirectoryTests
{
    [Fact]
    public async Task RunAsync_StaleDirsOfDeadOwners_RemovedAndLiveOwnersDirKept()
    {
        var exited = await ExitedProcessIdAsync();
        var deadOwner = StaleDirectory(exited, OwnStartTime());
        var reusedPid = StaleDirectory(Environment.ProcessId, OwnStartTime() + 1);
        var liveOwner = StaleDirectory(Environment.ProcessId, OwnStartTime());
        try
        {
            var sandbox = new ProcessSandbox(new SandboxExecutor(TimeProvider.System, uids: null));

            var result = await sandbox.RunAsync(SandboxLevels.Python("print('ok')"), TestContext.Current.CancellationToken);

            Assert.True(result.Succeeded, result.Explanation ?? result.Stderr);
            Assert.False(Directory.Exists(deadOwner), "the dir of an exited owner was left behind");
            Assert.False(Directory.Exists(reusedPid), "the dir of an owner whose pid was reused was left behind");
            Assert.True(Directory.Exists(liveOwner), "the dir of a live owner was removed");
            Assert.True(File.Exists(Path.Combine(liveOwner, "tests.py")));
        }
        finally
        {
            foreach (var dir in new[] { deadOwner, reusedPid, liveOwner }.Where(Directory.Exists))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    [Fact]
    public void Create_WorkDirectory_NamesThisProcessAsOwner()
    {
        var work = SandboxWorkDirectory.Create();
        try
        {
            var name = Path.GetFileName(work);
            Assert.StartsWith($"evolve-sbx-{Environment.ProcessId}-{OwnStartTime()}-", name, StringComparison.Ordinal);
            Assert.Equal(Path.GetFullPath(Path.GetTempPath()), Path.GetDirectoryName(work) + "/");
        }
        finally
        {
            Directory.Delete(work);
        }
    }

    // A dir as a killed run leaves it: the case's files still inside, one read-only subfolder.
    private static string StaleDirectory(int pid, long startTime)
    {
        var dir = Directory.CreateTempSubdirectory($"evolve-sbx-{pid}-{startTime}-").FullName;
        File.WriteAllText(Path.Combine(dir, "tests.py"), "def test_hidden(): pass");
        var locked = Directory.CreateDirectory(Path.Combine(dir, "locked")).FullName;
        File.WriteAllText(Path.Combine(locked, "a.txt"), "x");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }

        return dir;
    }

    private static async Task<int> ExitedProcessIdAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("/bin/true") { UseShellExecute = false })!;
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return process.Id;
    }

    private static long OwnStartTime()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        return long.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[19], CultureInfo.InvariantCulture);
    }
}

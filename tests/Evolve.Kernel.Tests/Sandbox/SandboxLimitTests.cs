using Evolve.Kernel.Sandbox;

namespace Evolve.Kernel.Tests.Sandbox;

/// <summary>Every level stops runaway code, names the limit it hit, and works normally right after.</summary>
public sealed class SandboxLimitTests
{
    private const string Normal = "import sys\nprint(sum(range(10)), sys.version_info[0])";

    [Theory]
    [MemberData(nameof(SandboxLevels.Available), MemberType = typeof(SandboxLevels))]
    public async Task RunAsync_InfiniteLoop_TimedOutThenNormalRunSucceeds(SandboxLevel level)
    {
        var sandbox = SandboxLevels.Create(level);
        var limits = SandboxLevels.Short with { WallTime = TimeSpan.FromSeconds(1) };

        var result = await sandbox.RunAsync(SandboxLevels.Python("while True:\n    pass", limits), TestContext.Current.CancellationToken);

        Assert.Equal(SandboxOutcome.TimedOut, result.Outcome);
        Assert.Contains("timed out after 1 s", result.Explanation, StringComparison.Ordinal);
        Assert.InRange(result.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
        await AssertNormalRunAsync(sandbox);
    }

    [Theory]
    [MemberData(nameof(SandboxLevels.Available), MemberType = typeof(SandboxLevels))]
    public async Task RunAsync_ForkBomb_TooManyProcessesThenNormalRunSucceeds(SandboxLevel level)
    {
        var sandbox = SandboxLevels.Create(level);
        var code = "import os\nwhile True:\n    os.fork()";

        var result = await sandbox.RunAsync(SandboxLevels.Python(code), TestContext.Current.CancellationToken);

        Assert.Equal(SandboxOutcome.TooManyProcesses, result.Outcome);
        Assert.Contains("limit of 16 processes", result.Explanation, StringComparison.Ordinal);
        await AssertNormalRunAsync(sandbox);
    }

    [Theory]
    [MemberData(nameof(SandboxLevels.Available), MemberType = typeof(SandboxLevels))]
    public async Task RunAsync_MemoryHog_OutOfMemoryThenNormalRunSucceeds(SandboxLevel level)
    {
        var sandbox = SandboxLevels.Create(level);
        var code = "chunks = []\nwhile True:\n    chunks.append(bytearray(32 * 1024 * 1024))";

        var result = await sandbox.RunAsync(SandboxLevels.Python(code), TestContext.Current.CancellationToken);

        Assert.Equal(SandboxOutcome.OutOfMemory, result.Outcome);
        Assert.Contains("256 MiB", result.Explanation, StringComparison.Ordinal);
        await AssertNormalRunAsync(sandbox);
    }

    [Theory]
    [MemberData(nameof(SandboxLevels.Available), MemberType = typeof(SandboxLevels))]
    public async Task RunAsync_OutputFlood_KeepsLimitAndMarksTruncated(SandboxLevel level)
    {
        var code = "import sys\nfor i in range(200000):\n    print('x' * 80)\nprint('done', file=sys.stderr)";

        var result = await SandboxLevels.Create(level).RunAsync(SandboxLevels.Python(code), TestContext.Current.CancellationToken);

        Assert.Equal(SandboxOutcome.Exited, result.Outcome);
        Assert.True(result.OutputTruncated);
        Assert.Equal(4096, result.Stdout.Length);
        Assert.Equal("done", result.Stderr.Trim());
    }

    [Theory]
    [MemberData(nameof(SandboxLevels.Available), MemberType = typeof(SandboxLevels))]
    public async Task RunAsync_FilesAndStdin_SeenByCodeInWorkDir(SandboxLevel level)
    {
        var request = new SandboxRequest(
            ["python3", "main.py"],
            new Dictionary<string, string> { ["main.py"] = "import sys\nprint(open('data/in.txt').read() + sys.stdin.read())\nsys.exit(3)", ["data/in.txt"] = "file+" },
            Stdin: "stdin",
            Limits: SandboxLevels.Short);

        var result = await SandboxLevels.Create(level).RunAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(SandboxOutcome.Exited, result.Outcome);
        Assert.Equal(3, result.ExitCode);
        Assert.Equal("file+stdin", result.Stdout.Trim());
        Assert.Equal(level, result.Level);
        Assert.Null(result.Explanation);
    }

    [Theory]
    [MemberData(nameof(SandboxLevels.Available), MemberType = typeof(SandboxLevels))]
    public async Task RunAsync_DaemonEscapingSession_GoneAfterRun(SandboxLevel level)
    {
        // A child in its own session escapes a process-group kill; the pid namespace (or, at the
        // process level, killing everything the run's uid owns) must still end it.
        var seconds = 900 + (int)level;
        var code = $"import subprocess\nsubprocess.Popen(['sleep', '{seconds}'], start_new_session=True)\nprint('started')";

        var result = await SandboxLevels.Create(level).RunAsync(SandboxLevels.Python(code), TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Stderr);
        Assert.Equal("started", result.Stdout.Trim());
        Assert.DoesNotContain($"sleep\0{seconds}\0", ProcessCommandLines());
    }

    [Theory]
    [MemberData(nameof(SandboxLevels.Available), MemberType = typeof(SandboxLevels))]
    public async Task RunAsync_CallerCancels_ThrowsAndStopsRun(SandboxLevel level)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var limits = SandboxLevels.Short with { WallTime = TimeSpan.FromSeconds(30) };
        var started = System.Diagnostics.Stopwatch.StartNew();
        cancel.CancelAfter(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => SandboxLevels.Create(level).RunAsync(SandboxLevels.Python("while True:\n    pass", limits), cancel.Token));

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"took {started.Elapsed}");
    }

    private static List<string> ProcessCommandLines()
    {
        var lines = new List<string>();
        foreach (var dir in Directory.EnumerateDirectories("/proc").Where(d => char.IsDigit(Path.GetFileName(d)[0])))
        {
            try
            {
                lines.Add(File.ReadAllText(Path.Combine(dir, "cmdline")));
            }
            catch (IOException)
            {
                // Exited while we looked.
            }
        }

        return lines;
    }

    private static async Task AssertNormalRunAsync(ISandbox sandbox)
    {
        var after = await sandbox.RunAsync(SandboxLevels.Python(Normal), TestContext.Current.CancellationToken);
        Assert.True(after.Succeeded, after.Explanation ?? after.Stderr);
        Assert.Equal("45 3", after.Stdout.Trim());
    }
}

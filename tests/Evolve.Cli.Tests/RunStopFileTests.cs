using System.Diagnostics;

namespace Evolve.Cli.Tests;

/// <summary>A STOP file in the run folder ends a real <c>evolve run</c> process after its current generation.</summary>
public sealed class RunStopFileTests
{
    [Fact]
    public async Task Run_StopFileCreatedMidRun_StopsAfterTheGenerationAndReportsWhy()
    {
        using var dir = Workspace.CopyShipped();
        var evolve = Path.Combine(AppContext.BaseDirectory, "evolve.dll");
        var start = new ProcessStartInfo("dotnet", [evolve, "run", "--suite", "arith", "--model", "sim?latency=30ms", "--concurrency", "4", "--patience", "1000"])
        {
            WorkingDirectory = dir.Path, RedirectStandardError = true, RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);

        string? line;
        while ((line = await process.StandardError.ReadLineAsync(TestContext.Current.CancellationToken)) is not null && !line.StartsWith("gen   1", StringComparison.Ordinal))
        {
        }

        await File.WriteAllTextAsync(Path.Combine(Assert.Single(SmallWorkspace.RunFolders(dir)), "STOP"), "", TestContext.Current.CancellationToken);
        var rest = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("stopped: STOP file found in the run folder", await stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("gen   4", rest, StringComparison.Ordinal);
    }
}

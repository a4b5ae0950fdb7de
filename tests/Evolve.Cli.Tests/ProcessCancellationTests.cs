using System.Diagnostics;
using Evolve.Core.Runs;

namespace Evolve.Cli.Tests;

/// <summary>Ctrl+C on a real evolve process: it stops cleanly, says so, and keeps every finished rollout.</summary>
public sealed class ProcessCancellationTests
{
    [Fact]
    public async Task Eval_SigintMidRun_ExitsWith130AndKeepsFinishedRollouts()
    {
        using var dir = SmallWorkspace.Create();
        var cases = string.Concat(Enumerable.Range(0, 400).Select(i => $"- id: c{i}\n  vars: {{ country: C{i} }}\n  expected: X\n  assert: [{{ type: equals, value: X }}]\n"));
        dir.Write("evals/qa/cases.yaml", cases);
        var evolve = Path.Combine(AppContext.BaseDirectory, "evolve.dll");
        var start = new ProcessStartInfo("dotnet", [evolve, "eval", "--suite", "qa", "--model", "sim?latency=50ms", "--concurrency", "4"])
        {
            WorkingDirectory = dir.Path, RedirectStandardError = true, RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);

        // Wait until a progress line says some rollouts have finished, then interrupt.
        string? line;
        while ((line = await process.StandardError.ReadLineAsync(TestContext.Current.CancellationToken)) is not null
            && !(line.StartsWith("eval: ", StringComparison.Ordinal) && !line.StartsWith("eval: 0/", StringComparison.Ordinal)))
        {
        }

        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        var rest = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        await stdout;

        Assert.Equal(130, process.ExitCode);
        var folder = Assert.Single(SmallWorkspace.RunFolders(dir));
        var id = Path.GetFileName(folder);
        Assert.Contains($"cancelled: eval {id} is kept in {folder}; resume with: evolve eval --suite qa --model 'sim?latency=50ms' --concurrency 4 --resume {id}", rest, StringComparison.Ordinal);
        using var store = RunStore.Open(folder, TimeProvider.System);
        Assert.Equal(RunStatus.Interrupted, store.LoadInfo().Status);
        Assert.InRange(store.LoadRollouts().Count, 1, 399);
    }
}

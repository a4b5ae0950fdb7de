using System.Diagnostics;
using System.Globalization;
using Evolve.Core.Runs;

namespace Evolve.Cli.Tests;

/// <summary>Ctrl+C on a real <c>evolve run</c>: it names the run and its folder at the start, and the exact resume command at the end.</summary>
public sealed class RunInterruptTests
{
    [Fact]
    public async Task Run_SigintMidRun_NamesFolderAndResumeCommand()
    {
        using var dir = SmallWorkspace.Create();
        var cases = string.Concat(Enumerable.Range(0, 60).Select(i =>
            $"- id: c{i}\n  vars: {{ country: C{i} }}\n  expected: X\n  assert: [{{ type: equals, value: X }}]\n  split: {(i % 3 == 0 ? "train" : i % 3 == 1 ? "val" : "holdout")}\n"));
        dir.Write("evals/qa/cases.yaml", cases);
        var evolve = Path.Combine(AppContext.BaseDirectory, "evolve.dll");
        var start = new ProcessStartInfo("dotnet", [evolve, "run", "--suite", "qa", "--model", "sim?latency=50ms", "--concurrency", "2"])
        {
            WorkingDirectory = dir.Path, RedirectStandardError = true, RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);

        // The first line naming the run says it has started; interrupt then.
        string? line;
        var head = new List<string>();
        while ((line = await process.StandardError.ReadLineAsync(TestContext.Current.CancellationToken)) is not null)
        {
            head.Add(line);
            if (line.StartsWith("run ", StringComparison.Ordinal))
            {
                break;
            }
        }

        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        var rest = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        await stdout;

        var folder = Assert.Single(SmallWorkspace.RunFolders(dir));
        var id = Path.GetFileName(folder);
        Assert.Equal(130, process.ExitCode);
        Assert.Equal($"run {id}: {folder}", head[^1]);
        Assert.EndsWith($"cancelled: run {id} is kept in {folder}; resume with: evolve run --resume {id}\n", rest, StringComparison.Ordinal);
        using var store = RunStore.Open(folder, TimeProvider.System);
        Assert.Equal(RunStatus.Interrupted, store.LoadInfo().Status);
    }
}

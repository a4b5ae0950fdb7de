using System.Diagnostics;
using System.Globalization;
using Evolve.Kernel.Library;

namespace Evolve.Cli.Tests.Library;

/// <summary>Ten real <c>evolve deploy</c> processes at once queue on the real file lock; none fails.</summary>
public sealed class ConcurrentDeployTests
{
    [Fact]
    public async Task Deploy_TenProcessesWhileAnotherWriterHoldsTheLock_AllWaitAndAllSucceed()
    {
        using var dir = SmallWorkspace.Create();
        var prompts = Path.Combine(dir.Path, "prompts");
        var library = new PromptLibrary(new PromptLibraryOptions { PromptsDirectory = prompts });
        var versions = Enumerable.Range(0, 10)
            .Select(i => library.AddVersion("qa", new Dictionary<string, string> { ["system.sbn"] = $"Answer with the city name only. v{i}", ["task.sbn"] = "What is the capital of {{ country }}?" }, new VersionMetadata()))
            .ToArray();
        var evolve = Path.Combine(AppContext.BaseDirectory, "evolve.dll");
        var processes = new List<Process>();
        try
        {
            using (new FileStream(Path.Combine(prompts, "qa", ".history.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
            {
                processes.AddRange(versions.Select(v => Process.Start(new ProcessStartInfo("dotnet", [evolve, "deploy", "qa", "--version", v.ToString(CultureInfo.InvariantCulture)])
                {
                    WorkingDirectory = dir.Path, RedirectStandardError = true, RedirectStandardOutput = true,
                })!));

                // Each says it is waiting for the lock before the holder lets go: none gave up.
                foreach (var process in processes)
                {
                    var line = await process.StandardError.ReadLineAsync(TestContext.Current.CancellationToken);
                    Assert.StartsWith("waiting for the library lock of 'qa'", line, StringComparison.Ordinal);
                }
            }

            foreach (var process in processes)
            {
                var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
                var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
                await process.WaitForExitAsync(TestContext.Current.CancellationToken);
                Assert.True(process.ExitCode == 0, output + error);
                Assert.StartsWith("deployed qa version ", output, StringComparison.Ordinal);
            }
        }
        finally
        {
            processes.ForEach(p => p.Dispose());
        }

        var deploys = library.Ledger("qa").Where(e => e.Action == LedgerAction.Deploy).ToList();
        Assert.Equal(versions, deploys.Select(e => e.To!.Value).Order());
        Assert.Equal(Enumerable.Range(2, 10).Select(g => (long)g), deploys.Select(e => e.Generation!.Value));
        Assert.Equal(new ChannelPointer(deploys[^1].To, 11), library.Channels("qa")!.Live);
        Assert.Equal(library.Show("qa", deploys[^1].To!.Value).Files["system.sbn"], File.ReadAllText(Path.Combine(prompts, "qa", "system.sbn")));
    }
}

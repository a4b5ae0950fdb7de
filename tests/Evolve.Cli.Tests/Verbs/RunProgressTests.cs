using System.Text.RegularExpressions;
using Evolve.Cli.Output;
using Evolve.Core.Gepa;

namespace Evolve.Cli.Tests.Verbs;

/// <summary>What <c>evolve run</c> shows while it works: the run id and folder first, then a live line inside each generation.</summary>
public sealed partial class RunProgressTests
{
    private static readonly string[] Small = ["run", "--suite", "arith", "--budget", "500", "--batch", "100"];

    [Fact]
    public async Task Run_Redirected_NamesRunAndFolderFirstAndDrawsNoLiveLine()
    {
        using var dir = Workspace.CopyShipped();

        var run = await CliRun.InvokeAsync(dir.Path, Small);

        var folder = Assert.Single(SmallWorkspace.RunFolders(dir));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"\nrun {Path.GetFileName(folder)}: {folder}\n", run.Error, StringComparison.Ordinal);
        Assert.True(run.Error.IndexOf($"run {Path.GetFileName(folder)}:", StringComparison.Ordinal) < run.Error.IndexOf("gen   0", StringComparison.Ordinal));
        Assert.DoesNotContain("\r", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Terminal_DrawsPhaseRolloutsOfBudgetAndBestInPlace()
    {
        using var dir = Workspace.CopyShipped();

        var run = await CliRun.InvokeAsync(dir.Path, interactive: true, Small);

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(LiveLine(), run.Error);
        // Log lines never share a line with the live line: each is preceded by a cleared line.
        Assert.Matches(@"\r\u001b\[Kgen +1 +rollouts", run.Error);
    }

    [Fact]
    public void Text_BeforeAnyGeneration_ShowsNoBest()
    {
        var progress = new RunProgress();

        Assert.Equal("gen 0  starting  rollouts 0/0  best val -", RunProgressLine.Text(progress));
    }

    [GeneratedRegex(@"\rgen [1-9]\d*  search  rollouts [1-9]\d*/500  best val (-|\d\.\d{3})\u001b\[K")]
    private static partial Regex LiveLine();
}

using System.Text.RegularExpressions;

namespace Evolve.Cli.Tests.Browser;

/// <summary>The run report, as <c>evolve run</c> writes it, in headless Chromium.</summary>
public sealed class ReportBrowserTests(HeadlessChromium chromium) : IClassFixture<HeadlessChromium>
{
    [Fact]
    public async Task RunReport_InChromium_LoadsCleanlyOfflineWithEveryChart()
    {
        var browser = chromium.Require();
        using var dir = Workspace.CopyShipped();
        var run = await CliRun.InvokeAsync(dir.Path, "run", "--suite", "arith", "--budget", "500", "--batch", "100", "--seed", "2");
        Assert.Equal(0, run.ExitCode);
        var report = Path.Combine(Assert.Single(SmallWorkspace.RunFolders(dir)), "report.html");

        var visit = await PageVisit.OpenAsync(browser, report, "run-report");

        Assert.Empty(visit.ConsoleErrors);
        Assert.Empty(visit.OutsideRequests);
        Assert.Subset(visit.Charts.ToHashSet(), new HashSet<string> { "score-vs-rollouts", "lineage", "pareto", "heatmap" });
        Assert.Contains("arith", visit.Title, StringComparison.Ordinal);
        Assert.Equal(1, visit.Toggles);
    }

    [Fact]
    public async Task EvalReport_InChromium_LoadsCleanlyOfflineWithItsResultFirstAndNoToggle()
    {
        var browser = chromium.Require();
        using var dir = Workspace.CopyShipped();
        var run = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "extract");
        Assert.Equal(0, run.ExitCode);
        var report = Path.Combine(Assert.Single(SmallWorkspace.RunFolders(dir)), "report.html");

        var visit = await PageVisit.OpenAsync(browser, report, "eval-report");

        Assert.Empty(visit.ConsoleErrors);
        Assert.Empty(visit.OutsideRequests);
        Assert.Contains("heatmap", visit.Charts);
        var printed = Regex.Match(run.Out, @"mean score (\S+)   pass rate (\S+ %)").Groups;
        Assert.StartsWith($"mean score {printed[1].Value} · pass rate {printed[2].Value} (", visit.FirstUnderTitle, StringComparison.Ordinal);

        // One candidate: nothing to show "different only" against.
        Assert.Equal(0, visit.Toggles);
    }
}

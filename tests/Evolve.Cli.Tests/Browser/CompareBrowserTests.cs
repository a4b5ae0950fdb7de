namespace Evolve.Cli.Tests.Browser;

/// <summary>The compare page, as <c>evolve compare</c> writes it, in headless Chromium.</summary>
public sealed class CompareBrowserTests(HeadlessChromium chromium) : IClassFixture<HeadlessChromium>
{
    [Fact]
    public async Task ComparePage_InChromium_LoadsCleanlyOfflineWithBothCharts()
    {
        var browser = chromium.Require();
        using var dir = Workspace.CopyShipped();
        dir.Write("a.sbn", "Answer.");
        dir.Write("b.sbn", "Solve the word problem step by step, watch units, totals and remainders, then give the final number only.");
        var run = await CliRun.InvokeAsync(dir.Path, "compare", "a.sbn", "b.sbn", "--suite", "arith", "--repeat", "2", "--output", "out");
        Assert.Equal(0, run.ExitCode);

        var visit = await PageVisit.OpenAsync(browser, Path.Combine(dir.Path, "out", "compare.html"), "compare");

        Assert.Empty(visit.ConsoleErrors);
        Assert.Empty(visit.OutsideRequests);
        Assert.Subset(visit.Charts.ToHashSet(), new HashSet<string> { "case-differences", "difference-interval" });
    }
}

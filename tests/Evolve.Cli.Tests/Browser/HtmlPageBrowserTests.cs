using Evolve.Core.Reports.Html;

namespace Evolve.Cli.Tests.Browser;

/// <summary>The shared page skeleton loads cleanly, and the harness does catch what it should.</summary>
public sealed class HtmlPageBrowserTests(HeadlessChromium chromium) : IClassFixture<HeadlessChromium>
{
    [Fact]
    public async Task OpenAsync_SelfContainedPage_NoErrorsNoRequestsChartVisible()
    {
        var browser = chromium.Require();
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "page.html");
        new HtmlPage("Skeleton <check>", "model: sim (offline simulator, scores are synthetic)")
            .Section("chart", "A chart", "<svg data-chart=\"bars\" viewBox=\"0 0 100 20\" width=\"300\"><rect width=\"40\" height=\"20\" fill=\"" + HtmlStyle.Good + "\"/></svg>")
            .WriteTo(path);

        var visit = await PageVisit.OpenAsync(browser, path, "html-page-skeleton");

        Assert.Empty(visit.ConsoleErrors);
        Assert.Empty(visit.OutsideRequests);
        Assert.Equal(["bars"], visit.Charts);
        Assert.Equal("Skeleton <check>", visit.Title);
        Assert.True(new FileInfo(visit.ScreenshotPath).Length > 1000, "the screenshot is a real image");
    }

    [Fact]
    public async Task OpenAsync_PageFetchingImageAndThrowing_ReportsBoth()
    {
        // The harness must be able to fail: a page with an outside image and a script error is caught.
        var browser = chromium.Require();
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "bad.html");
        await File.WriteAllTextAsync(path, "<!DOCTYPE html><html><head><title>bad</title></head><body><img src=\"http://192.0.2.1/x.png\"><script>undefinedFunction();</script></body></html>", TestContext.Current.CancellationToken);

        var visit = await PageVisit.OpenAsync(browser, path, "harness-negative");

        Assert.Contains(visit.OutsideRequests, u => u.StartsWith("http://192.0.2.1/", StringComparison.Ordinal));
        Assert.Contains(visit.ConsoleErrors, e => e.Contains("undefinedFunction", StringComparison.Ordinal));
    }
}

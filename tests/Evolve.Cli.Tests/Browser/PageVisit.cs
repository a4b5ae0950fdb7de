using Microsoft.Playwright;

namespace Evolve.Cli.Tests.Browser;

/// <summary>
/// What a headless browser saw when it opened one local HTML file: console errors, uncaught page
/// errors, every request that would leave the file (blocked, and recorded), the charts present,
/// the text a reader meets first under the title, the visible checkboxes (the page's only
/// toggles) and a full-page screenshot kept under TestResults/screenshots.
/// </summary>
internal sealed record PageVisit(
    IReadOnlyList<string> ConsoleErrors,
    IReadOnlyList<string> OutsideRequests,
    IReadOnlyList<string> Charts,
    string Title,
    string ScreenshotPath,
    string FirstUnderTitle,
    int Toggles)
{
    /// <summary>Where screenshots are kept: the repository's TestResults/screenshots, which CI keeps as artifacts.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(Workspace.RepoRoot, "TestResults", "screenshots");

    /// <summary>Opens <paramref name="htmlPath"/> in a fresh page and records what happened.</summary>
    public static async Task<PageVisit> OpenAsync(IBrowser browser, string htmlPath, string screenshotName)
    {
        var errors = new List<string>();
        var outside = new List<string>();
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                lock (errors)
                {
                    errors.Add($"console {message.Type}: {message.Text}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (errors)
            {
                errors.Add($"page error: {error}");
            }
        };

        // Every request goes through the route: the file itself and data: URIs are served, anything else is
        // recorded and refused, so a report that reaches out fails the test even on a machine with a network.
        await page.RouteAsync("**/*", async route =>
        {
            var url = route.Request.Url;
            if (url.StartsWith("file:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal))
            {
                await route.ContinueAsync();
                return;
            }

            lock (outside)
            {
                outside.Add(url);
            }

            await route.AbortAsync();
        });

        await page.GotoAsync(new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        var charts = await page.EvalOnSelectorAllAsync<string[]>(
            "svg[data-chart]", "nodes => nodes.filter(n => n.getBoundingClientRect().width > 0).map(n => n.getAttribute('data-chart'))");
        var first = await page.EvaluateAsync<string>("() => document.querySelector('h1')?.nextElementSibling?.innerText ?? ''");
        var toggles = await page.EvalOnSelectorAllAsync<int>("input[type=checkbox]", "nodes => nodes.length");
        Directory.CreateDirectory(ScreenshotDirectory);
        var screenshot = Path.Combine(ScreenshotDirectory, screenshotName + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        return new PageVisit(errors, outside, charts, await page.TitleAsync(), screenshot, first, toggles);
    }
}

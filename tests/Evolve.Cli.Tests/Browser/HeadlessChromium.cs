using Microsoft.Playwright;

namespace Evolve.Cli.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright with the system executable (Playwright's own browser
/// download is neither possible nor wanted here). One browser per test class; a page per check.
/// </summary>
public sealed class HeadlessChromium : IAsyncLifetime
{
    /// <summary>Where the browser is looked for; EVOLVE_CHROMIUM overrides.</summary>
    public static string? ExecutablePath { get; } = Locate();

    // Flags for a headless run as root in a container with no network: no sandbox (root), no GPU,
    // and none of the browser's own background traffic (updates, sync, safe browsing).
    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-default-apps", "--disable-sync", "--no-first-run",
        "--disable-domain-reliability", "--disable-features=Translate,OptimizationHints,MediaRouter",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The browser, or null when Chromium is not installed (tests then skip with the reason).</summary>
    public IBrowser? Browser => _browser;

    /// <summary>Skips the calling test, with the reason, when Chromium is not installed.</summary>
    public IBrowser Require()
    {
        if (_browser is null)
        {
            Assert.Skip($"Chromium not found (looked for {string.Join(", ", Candidates())}); .ci/run installs Debian's chromium package");
        }

        return _browser;
    }

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        if (ExecutablePath is null)
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Flags,
        });
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    private static IEnumerable<string> Candidates()
    {
        var custom = Environment.GetEnvironmentVariable("EVOLVE_CHROMIUM");
        if (!string.IsNullOrEmpty(custom))
        {
            yield return custom;
        }

        yield return "/usr/bin/chromium";
        yield return "/usr/bin/chromium-browser";
    }

    private static string? Locate() => Candidates().FirstOrDefault(File.Exists);
}

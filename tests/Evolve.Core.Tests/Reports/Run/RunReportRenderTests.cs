using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Evolve.Core.Reports.Run;
using Evolve.Tests.Shared;

namespace Evolve.Core.Tests.Reports.Run;

public sealed partial class RunReportRenderTests
{
    private static string ExpectedDirectory([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "Expected");

    /// <summary>Durations and timestamps are the only parts of a report that may change between identical runs.</summary>
    private static string Mask(string text) => Timestamp().Replace(WallTime().Replace(text, "| wall time | <masked> |"), "<time>");

    [Fact]
    public void Render_Html_IsOneSelfContainedPageWithEveryChartParsingAsXml()
    {
        using var dir = new TempDirectory();
        var html = RunReports.Render(SmallRun.Create(dir.Path), RunReportFormat.Html, TimeProvider.System);

        var charts = SvgBlock().Matches(html).Select(m => XElement.Parse(m.Value)).ToList();
        Assert.Equal(["score-vs-rollouts", "lineage", "pareto", "heatmap", "heatmap-different"], charts.Select(c => (string?)c.Attribute("data-chart")));
        Assert.Equal(5, charts.Single(c => (string?)c.Attribute("data-chart") == "lineage").Elements().Count(e => (string?)e.Attribute("class") == "node"));
        Assert.Contains("<p class=\"banner\">model: sim (offline simulator, scores are synthetic)</p>", html, StringComparison.Ordinal);
        // Nothing that would make the browser fetch: no src/href, no url(), no script, no address but the SVG namespace name.
        Assert.DoesNotMatch(@"\s(src|href)=|url\(|<script|<link", html);
        Assert.All(Regex.Matches(html, @"https?://[^""\s<]+"), m => Assert.Equal("http://www.w3.org/2000/svg", m.Value));
        Assert.Contains("<input type=\"checkbox\" id=\"diff-only\">", html, StringComparison.Ordinal);
        Assert.Contains("class=\"diff\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Html_PolicyAllowsNoScriptAtAll()
    {
        using var dir = new TempDirectory();
        var html = RunReports.Render(SmallRun.Create(dir.Path), RunReportFormat.Html, TimeProvider.System);

        var policy = Regex.Match(html, "http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\"").Groups[1].Value;

        // The page needs no script (the different-only toggle is CSS), so default-src 'none' forbids all of it.
        Assert.Equal("default-src 'none'; style-src 'unsafe-inline'; img-src data:", policy);
        Assert.DoesNotMatch(@"\son[a-z]+=", html);
    }

    [Fact]
    public void Render_HtmlDifferentOnly_KeepsOnlyCasesWhereCandidatesDisagree()
    {
        using var dir = new TempDirectory();
        var html = RunReports.Render(SmallRun.Create(dir.Path), RunReportFormat.Html, TimeProvider.System);

        var different = XElement.Parse(SvgBlock().Matches(html).Single(m => m.Value.Contains("data-chart=\"heatmap-different\"", StringComparison.Ordinal)).Value);

        // v1 is 1.0 and v4 0.5 for everyone; v2 and v3 differ.
        var labels = different.Elements().Where(e => e.Name.LocalName == "text").Select(t => t.Value).ToList();
        Assert.Equal(["v2", "v3"], labels);
    }

    [Fact]
    public void Render_Markdown_MatchesTheExpectedFile()
    {
        using var dir = new TempDirectory();

        var md = Mask(RunReports.Render(SmallRun.Create(dir.Path), RunReportFormat.Md, TimeProvider.System));

        var expected = File.ReadAllText(Path.Combine(ExpectedDirectory(), "SmallRun.md"));
        Assert.Equal(expected, md);
    }

    [Fact]
    public void Render_Json_CarriesTheSimulatorLineFinalistsAndUnifiedDiffs()
    {
        using var dir = new TempDirectory();

        using var json = JsonDocument.Parse(RunReports.Render(SmallRun.Create(dir.Path), RunReportFormat.Json, TimeProvider.System));

        var root = json.RootElement;
        Assert.Equal("model: sim (offline simulator, scores are synthetic)", root.GetProperty("model").GetString());
        Assert.True(root.GetProperty("header").GetProperty("simulated").GetBoolean());
        Assert.Equal(2, root.GetProperty("finalists").GetArrayLength());
        Assert.Equal(5, root.GetProperty("candidates").GetArrayLength());
        Assert.Contains("+Mind negative numbers.", root.GetProperty("bestVsSeed")[0].GetProperty("unified").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("heatmap")[3].GetProperty("scores")[1].ValueKind);
        var scheduler = root.GetProperty("usage").GetProperty("scheduler");
        Assert.Equal((2, 28), (scheduler.GetProperty("slots").GetInt32(), scheduler.GetProperty("calls").GetInt32()));
        Assert.Equal(40, scheduler.GetProperty("waitingMs").GetProperty("p95").GetDouble());
        Assert.Equal(220, scheduler.GetProperty("turnaroundMs").GetProperty("mean").GetDouble());
    }

    [Fact]
    public void Render_Html_ShowsTheSchedulersWaitingAndTurnaround()
    {
        using var dir = new TempDirectory();

        var html = RunReports.Render(SmallRun.Create(dir.Path), RunReportFormat.Html, TimeProvider.System);

        Assert.Contains("<tr><td>waiting for a slot</td><td>mean 12 ms, p50 0 ms, p95 40 ms</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>call turnaround</td><td>mean 220 ms, p50 200 ms, p95 410 ms</td></tr>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteAll_EvalRun_WritesThreeFilesWithoutOptimizerSections()
    {
        using var dir = new TempDirectory();
        var run = SmallRun.Create(dir.Path, "eval");

        var written = RunReports.WriteAll(run, TimeProvider.System);

        Assert.Equal(["report.html", "report.md", "report.json"], written.Select(Path.GetFileName));
        var html = File.ReadAllText(written[0]);
        Assert.DoesNotContain("data-chart=\"lineage\"", html, StringComparison.Ordinal);
        Assert.Contains("data-chart=\"heatmap\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Holdout verdict", File.ReadAllText(written[1]), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(run, "*.tmp"));
    }

    [GeneratedRegex(@"<svg\b.*?</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgBlock();

    [GeneratedRegex(@"\| wall time \| [^|]+ \|")]
    private static partial Regex WallTime();

    [GeneratedRegex(@"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)")]
    private static partial Regex Timestamp();
}

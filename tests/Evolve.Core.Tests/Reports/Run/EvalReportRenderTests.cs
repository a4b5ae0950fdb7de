using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Evolve.Core.Reports.Run;
using Evolve.Tests.Shared;

namespace Evolve.Core.Tests.Reports.Run;

/// <summary>An eval run's report: one candidate, so its result comes first and nothing compares candidates.</summary>
public sealed class EvalReportRenderTests
{
    [Fact]
    public void Render_HtmlEval_StatesMeanScoreAndPassRateFirstAfterTheTitle()
    {
        using var dir = new TempDirectory();

        var html = RunReports.Render(SmallEval.Create(dir.Path), RunReportFormat.Html, TimeProvider.System);

        var body = html[(html.IndexOf("</h1>", StringComparison.Ordinal) + "</h1>".Length)..].TrimStart();
        var first = WebUtility.HtmlDecode(Regex.Match(body, "^<p class=\"lead\">(.*?)</p>").Groups[1].Value);
        Assert.Equal("mean score 0.750 · pass rate 62.5 % (5 of 8 rollouts passed) · 4 cases", first);
    }

    [Fact]
    public void Render_HtmlEval_HasNoDifferentOnlyView()
    {
        using var dir = new TempDirectory();

        var html = RunReports.Render(SmallEval.Create(dir.Path), RunReportFormat.Html, TimeProvider.System);

        Assert.Contains("data-chart=\"heatmap\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("diff-only", html, StringComparison.Ordinal);
        Assert.DoesNotContain("different only", html, StringComparison.Ordinal);
        Assert.DoesNotContain("heatmap-different", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MarkdownEval_StatesMeanScoreAndPassRateUnderTheTitle()
    {
        using var dir = new TempDirectory();

        var md = RunReports.Render(SmallEval.Create(dir.Path), RunReportFormat.Md, TimeProvider.System);

        var lines = md.Split('\n');
        Assert.StartsWith("# Evolve run ", lines[0], StringComparison.Ordinal);
        Assert.Equal("**mean score 0.750 · pass rate 62.5 %** (5 of 8 rollouts passed) · 4 cases", lines[2]);
    }

    [Fact]
    public void Render_JsonEval_CarriesTheOutcome()
    {
        using var dir = new TempDirectory();

        using var json = JsonDocument.Parse(RunReports.Render(SmallEval.Create(dir.Path), RunReportFormat.Json, TimeProvider.System));

        var outcome = json.RootElement.GetProperty("outcome");
        Assert.Equal(0.75, outcome.GetProperty("meanScore").GetDouble(), 9);
        Assert.Equal(0.625, outcome.GetProperty("passRate").GetDouble(), 9);
        Assert.Equal((5, 8, 4), (outcome.GetProperty("passed").GetInt32(), outcome.GetProperty("rollouts").GetInt32(), outcome.GetProperty("cases").GetInt32()));
    }
}

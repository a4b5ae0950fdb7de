using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Evolve.Core.Runs;
using Evolve.Core.Runs.Events;

namespace Evolve.Cli.Tests;

/// <summary><c>evolve report</c> on runs made by <c>evolve run</c> and <c>evolve eval</c> in a temp workspace.</summary>
public sealed partial class ReportVerbTests
{
    private static readonly string[] SmallRun = ["run", "--suite", "arith", "--budget", "500", "--batch", "100", "--seed", "2"];

    [Fact]
    public async Task Run_Finished_WritesTheThreeReportFilesAndSaysWhere()
    {
        using var dir = Workspace.CopyShipped();

        var run = await CliRun.InvokeAsync(dir.Path, SmallRun);

        Assert.Equal(0, run.ExitCode);
        var folder = Assert.Single(SmallWorkspace.RunFolders(dir));
        Assert.Contains($"report: {Path.Combine(folder, "report.html")}", run.Out, StringComparison.Ordinal);
        foreach (var name in new[] { "report.html", "report.md", "report.json" })
        {
            Assert.True(new FileInfo(Path.Combine(folder, name)).Length > 500, name);
        }

        var html = await File.ReadAllTextAsync(Path.Combine(folder, "report.html"), TestContext.Current.CancellationToken);
        var charts = SvgBlock().Matches(html).Select(m => (string?)XElement.Parse(m.Value).Attribute("data-chart")).ToList();
        Assert.Subset(charts.ToHashSet(), new HashSet<string?> { "score-vs-rollouts", "lineage", "pareto", "heatmap" });
    }

    [Fact]
    public async Task Run_HoldoutCheck_StoresOneToThreeFinalistsWithHolmAtLeastTheirP()
    {
        using var dir = Workspace.CopyShipped();
        await CliRun.InvokeAsync(dir.Path, SmallRun);

        using var store = RunStore.Open(Assert.Single(SmallWorkspace.RunFolders(dir)), TimeProvider.System);
        var finalists = store.LoadEvents<HoldoutEvent>();

        Assert.InRange(finalists.Count, 1, 3);
        Assert.Equal(Enumerable.Range(0, finalists.Count), finalists.Select(f => f.Rank));
        Assert.All(finalists, f => Assert.InRange(f.HolmP, f.Comparison.PValue, 1.0));
        Assert.Equal(finalists.Count, finalists.Select(f => f.Candidate).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Run_FinalistsOutOfRange_IsRejectedBeforeAnythingRuns()
    {
        using var dir = Workspace.CopyShipped();

        var run = await CliRun.InvokeAsync(dir.Path, [.. SmallRun, "--finalists", "0"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: --finalists: must be between 1 and 10, not 0\n", run.Error.ReplaceLineEndings("\n"));
        Assert.Empty(SmallWorkspace.RunFolders(dir));
    }

    [Fact]
    public async Task Report_MdAndJsonOfARun_PrintTheSummaryWithTheSimulatorLine()
    {
        using var dir = Workspace.CopyShipped();
        await CliRun.InvokeAsync(dir.Path, SmallRun);
        var id = Path.GetFileName(Assert.Single(SmallWorkspace.RunFolders(dir)));

        var md = await CliRun.InvokeAsync(dir.Path, "report", id, "--format", "md");
        var json = await CliRun.InvokeAsync(dir.Path, "report", id[..20], "--format", "json");

        Assert.Equal((0, 0), (md.ExitCode, json.ExitCode));
        Assert.StartsWith($"# Evolve run {id}", md.Out, StringComparison.Ordinal);
        Assert.Contains("> **model: sim (offline simulator, scores are synthetic)**", md.Out, StringComparison.Ordinal);
        Assert.Contains("## Holdout verdict", md.Out, StringComparison.Ordinal);
        Assert.Contains("| Holm p |", md.Out, StringComparison.Ordinal);
        using var parsed = JsonDocument.Parse(json.Out);
        Assert.Equal("model: sim (offline simulator, scores are synthetic)", parsed.RootElement.GetProperty("model").GetString());
        Assert.Equal(id, parsed.RootElement.GetProperty("header").GetProperty("runId").GetString());
    }

    [Fact]
    public async Task Report_HtmlOfAnEvalWithOutput_WritesThereAndSaysWhere()
    {
        using var dir = SmallWorkspace.Create();
        await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "qa");
        var id = Path.GetFileName(Assert.Single(SmallWorkspace.RunFolders(dir)));
        var target = Path.Combine(dir.Path, "out", "r.html");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);

        var report = await CliRun.InvokeAsync(dir.Path, "report", Path.Combine("runs", id), "--output", "out/r.html");

        Assert.Equal(0, report.ExitCode);
        Assert.Equal($"report: {target}\n", report.Out.ReplaceLineEndings("\n"));
        var html = await File.ReadAllTextAsync(target, TestContext.Current.CancellationToken);
        Assert.Contains("data-chart=\"heatmap\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-chart=\"lineage\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_Finished_WritesTheReportFilesToo()
    {
        using var dir = SmallWorkspace.Create();

        var eval = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "qa", "--format", "json");

        Assert.Equal(0, eval.ExitCode);
        var folder = Assert.Single(SmallWorkspace.RunFolders(dir));
        Assert.True(File.Exists(Path.Combine(folder, "report.html")));
        Assert.Contains("report: ", eval.Error, StringComparison.Ordinal);
        using var _ = JsonDocument.Parse(eval.Out); // the eval's own JSON on stdout stays clean
    }

    [Fact]
    public async Task Report_MissingRun_ExitsTwoWithAClearError()
    {
        using var dir = SmallWorkspace.Create();

        var report = await CliRun.InvokeAsync(dir.Path, "report", "20990101-000000-nope");

        Assert.Equal(2, report.ExitCode);
        Assert.StartsWith("error: RUN: 20990101-000000-nope: no run with this id or id prefix under ", report.Error, StringComparison.Ordinal);
        Assert.Contains("evolve runs list shows them", report.Error, StringComparison.Ordinal);
        Assert.Empty(report.Out);
    }

    [GeneratedRegex(@"<svg\b.*?</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgBlock();
}

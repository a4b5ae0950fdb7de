using System.Text.Json;

namespace Evolve.Cli.Tests;

public sealed class RunsVerbTests
{
    private const string SimMarker = "sim (offline simulator, scores are synthetic)";

    private static async Task<TempDirectory> WithEvalAndCompare()
    {
        var dir = SmallWorkspace.Create();
        dir.Write("b.sbn", "Answer with the capital city name only.");
        Assert.Equal(0, (await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "qa", "--repeat", "2")).ExitCode);
        Assert.Equal(0, (await CliRun.InvokeAsync(dir.Path, "compare", "qa@live", "b.sbn", "--suite", "qa")).ExitCode);
        return dir;
    }

    [Fact]
    public async Task RunsList_EvalAndCompare_OneLineEachWithTheSimMarker()
    {
        using var dir = await WithEvalAndCompare();

        var run = await CliRun.InvokeAsync(dir.Path, "runs", "list");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("id ", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("-compare-", StringComparison.Ordinal) && l.Contains(" sim* ", StringComparison.Ordinal) && l.Contains(" diff ", StringComparison.Ordinal));
        Assert.Contains(lines, l => !l.Contains("-compare-", StringComparison.Ordinal) && l.Contains(" 6 ", StringComparison.Ordinal) && l.Contains(" mean ", StringComparison.Ordinal));
        Assert.All(lines.Skip(1).SkipLast(1), l => Assert.Contains(" finished ", l, StringComparison.Ordinal));
        Assert.Equal($"sim* = {SimMarker}", lines[^1]);
        Assert.All(lines, l => Assert.InRange(l.Length, 1, 100));
    }

    [Fact]
    public async Task RunsList_JsonAndFilters_SelectRuns()
    {
        using var dir = await WithEvalAndCompare();

        var all = await CliRun.InvokeAsync(dir.Path, "runs", "list", "--format", "json");
        var limited = await CliRun.InvokeAsync(dir.Path, "runs", "list", "--format", "json", "--limit", "1");
        var otherSuite = await CliRun.InvokeAsync(dir.Path, "runs", "list", "--suite", "nope");
        var running = await CliRun.InvokeAsync(dir.Path, "runs", "list", "--status", "running");

        using var json = JsonDocument.Parse(all.Out);
        Assert.Equal(["compare", "eval"], json.RootElement.EnumerateArray().Select(r => r.GetProperty("kind").GetString()).Order());
        Assert.All(json.RootElement.EnumerateArray(), r => Assert.Equal("model: " + SimMarker, r.GetProperty("modelLine").GetString()));
        using var one = JsonDocument.Parse(limited.Out);
        Assert.Single(one.RootElement.EnumerateArray());
        Assert.Equal("no runs", otherSuite.Out.Trim());
        Assert.Equal("no runs", running.Out.Trim());
    }

    [Fact]
    public async Task RunsShow_CompareRunByPrefix_PrintsHeaderVerdictAndReports()
    {
        using var dir = await WithEvalAndCompare();
        var compare = Path.GetFileName(SmallWorkspace.RunFolders(dir).Single(d => d.Contains("-compare-", StringComparison.Ordinal)));

        var run = await CliRun.InvokeAsync(dir.Path, "runs", "show", compare[..^2]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"run:        {compare}", run.Out, StringComparison.Ordinal);
        Assert.Contains($"model:      {SimMarker}", run.Out, StringComparison.Ordinal);
        Assert.Contains("candidates: 2", run.Out, StringComparison.Ordinal);
        Assert.Contains("verdict:    not enough data: 3 shared cases", run.Out, StringComparison.Ordinal);
        Assert.Contains("\"b\": \"b.sbn\"", run.Out, StringComparison.Ordinal);
        Assert.Contains($"report:     {Path.Combine(dir.Path, "runs", compare, "compare.html")}", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nope", "error: RUN: nope: no run with this id or id prefix")]
    [InlineData("../runs", "error: RUN: ../runs: a run id is a plain folder name")]
    public async Task RunsShow_UnknownOrHostileRun_ExitsTwo(string id, string error)
    {
        using var dir = SmallWorkspace.Create();

        var run = await CliRun.InvokeAsync(dir.Path, "runs", "show", id);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(error, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunsList_CorruptDatabase_IsListedAsUnreadable()
    {
        using var dir = SmallWorkspace.Create();
        dir.Write("runs/broken/run.db", new string('z', 2048));

        var list = await CliRun.InvokeAsync(dir.Path, "runs", "list");
        var show = await CliRun.InvokeAsync(dir.Path, "runs", "show", "broken");

        Assert.Equal(0, list.ExitCode);
        Assert.Contains("unreadable: file is not a database", list.Out, StringComparison.Ordinal);
        Assert.Equal(2, show.ExitCode);
        Assert.Contains("status:     unreadable (file is not a database)", show.Out, StringComparison.Ordinal);
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Evolve.Cli.Tests;

/// <summary>The report's model-call totals are the figures the CLI's usage line printed for the same run.</summary>
public sealed partial class ReportUsageTests
{
    [Fact]
    public async Task Run_Sim_ReportTotalEqualsTheUsageLineAndReflectionHasItsOwnRow()
    {
        using var dir = Workspace.CopyShipped();

        var run = await CliRun.InvokeAsync(dir.Path, "run", "--suite", "arith", "--budget", "300", "--batch", "100", "--seed", "3");

        Assert.Equal(0, run.ExitCode);
        var printed = Printed(run.Error);
        var folder = Assert.Single(SmallWorkspace.RunFolders(dir));
        var calls = Calls(folder);
        Assert.Equal(printed, Totals(calls.GetProperty("total")));
        var task = Totals(calls.GetProperty("task"));
        var reflection = Totals(calls.GetProperty("reflection"));
        Assert.True(reflection.Calls > 0, "a run that proposed candidates asked the reflection model");
        Assert.Equal(printed, (task.Calls + reflection.Calls, task.In + reflection.In, task.Out + reflection.Out));

        // The page a reader opens says the same total.
        var html = await File.ReadAllTextAsync(Path.Combine(folder, "report.html"), TestContext.Current.CancellationToken);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"<tr><td>total</td><td class=\"num\">{printed.Calls:N0}</td>"), html, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"<td class=\"num\">{printed.In:N0}</td><td class=\"num\">{printed.Out:N0}</td></tr>"), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_Sim_ReportTotalEqualsTheUsageLine()
    {
        using var dir = Workspace.CopyShipped();

        var run = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "extract");

        Assert.Equal(0, run.ExitCode);
        var calls = Calls(Assert.Single(SmallWorkspace.RunFolders(dir)));
        Assert.Equal(Printed(run.Error), Totals(calls.GetProperty("total")));
        Assert.Equal(0, calls.GetProperty("reflection").GetProperty("calls").GetInt64());
    }

    private static (long Calls, long In, long Out) Printed(string error)
    {
        var usage = UsageLine().Match(error);
        Assert.True(usage.Success, $"no usage line in: {error}");
        return (long.Parse(usage.Groups[1].Value, CultureInfo.InvariantCulture), long.Parse(usage.Groups[2].Value, CultureInfo.InvariantCulture), long.Parse(usage.Groups[3].Value, CultureInfo.InvariantCulture));
    }

    private static JsonElement Calls(string folder)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "report.json")));
        var usage = json.RootElement.GetProperty("usage");
        Assert.True(usage.TryGetProperty("calls", out var calls) && calls.ValueKind == JsonValueKind.Object, $"report.json has no usage.calls: {usage}");
        return calls.Clone();
    }

    private static (long Calls, long In, long Out) Totals(JsonElement t) =>
        (t.GetProperty("calls").GetInt64(), t.GetProperty("inputTokens").GetInt64(), t.GetProperty("outputTokens").GetInt64());

    [GeneratedRegex(@"usage: (\d+) model calls \(.*?\), (\d+) tokens in, (\d+) out")]
    private static partial Regex UsageLine();
}

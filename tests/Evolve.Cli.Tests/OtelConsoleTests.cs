using System.Diagnostics;

namespace Evolve.Cli.Tests;

/// <summary><c>--otel console</c> on a real evolve process: the OpenTelemetry console exporter prints a span per model call and per rollout.</summary>
public sealed class OtelConsoleTests
{
    [Fact]
    public async Task Eval_OtelConsole_PrintsASpanPerModelCallAndPerRollout()
    {
        using var dir = SmallWorkspace.Create();
        var evolve = Path.Combine(AppContext.BaseDirectory, "evolve.dll");
        var start = new ProcessStartInfo("dotnet", [evolve, "eval", "--suite", "qa", "--otel", "console", "--format", "json", "-o", "result.json"])
        {
            WorkingDirectory = dir.Path, RedirectStandardError = true, RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        var spans = await stdout;

        Assert.True(process.ExitCode == 0, await stderr);
        // Three cases, one repeat: three chat spans naming the model and three rollout spans.
        Assert.Equal(3, Count(spans, "Activity.DisplayName:        chat sim"));
        Assert.Equal(3, Count(spans, "Activity.DisplayName:        evolve.rollout"));
        Assert.Contains("gen_ai.usage.input_tokens", spans, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir.Path, "result.json")));
    }

    private static int Count(string text, string needle)
    {
        var count = 0;
        for (var at = text.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = text.IndexOf(needle, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}

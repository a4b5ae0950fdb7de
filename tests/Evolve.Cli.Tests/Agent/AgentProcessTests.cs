using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Evolve.Cli.Tests.Agent;

/// <summary>The agent verbs as a user runs them: a real evolve process, its stdin, and Ctrl+C.</summary>
public sealed partial class AgentProcessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Serve_RealProcess_AnswersOverHttpThenStopsCleanlyOnSigint()
    {
        using var dir = SmallWorkspace.Create();
        using var process = Start(dir, "agent", "serve", "qa", "--port", "0", "--model", "echo");
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);

        // The first stderr line names the bound address; port 0 made the server pick a free one.
        var serving = await process.StandardError.ReadLineAsync(Ct);
        var address = ServingLine().Match(serving ?? string.Empty);
        Assert.True(address.Success, $"unexpected first line: {serving}");
        using var http = new HttpClient { BaseAddress = new Uri(address.Groups["url"].Value) };
        var models = JsonNode.Parse(await http.GetStringAsync(new Uri("/v1/models", UriKind.Relative), Ct))!;
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(Ct);
        }

        var rest = await process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        await stdout;

        Assert.Equal("qa", models["data"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("stopped", rest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_RealProcess_AnswersEachStdinLineUntilExit()
    {
        using var dir = SmallWorkspace.Create();
        using var process = Start(dir, "agent", "chat", "qa", "--model", "echo");

        await process.StandardInput.WriteAsync("Where is Lima?\nAnd Tokyo?\n/exit\nnever answered\n".AsMemory(), Ct);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync(Ct);
        var error = await process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);

        Assert.Equal(0, process.ExitCode);
        Assert.Equal(["Where is Lima?", "And Tokyo?"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("version: qa@1#", error, StringComparison.Ordinal);
    }

    private static Process Start(TempDirectory dir, params string[] args)
    {
        var evolve = Path.Combine(AppContext.BaseDirectory, "evolve.dll");
        var start = new ProcessStartInfo("dotnet", [evolve, .. args])
        {
            WorkingDirectory = dir.Path, RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true,
        };
        return Process.Start(start)!;
    }

    [GeneratedRegex(@"^serving qa .* at (?<url>http://127\.0\.0\.1:\d+/)v1 ")]
    private static partial Regex ServingLine();
}

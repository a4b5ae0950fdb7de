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

    [Fact]
    public async Task Chat_RealProcess_FirstSigintAtThePromptExitsWithStdinStillOpen()
    {
        using var dir = SmallWorkspace.Create();
        using var process = Start(dir, "agent", "chat", "qa", "--model", "echo");
        var error = process.StandardError.ReadToEndAsync(Ct);

        // One answer proves the loop is back at the prompt, waiting on a stdin that stays open.
        await process.StandardInput.WriteAsync("Where is Lima?\n".AsMemory(), Ct);
        await process.StandardInput.FlushAsync(Ct);
        var answer = await process.StandardOutput.ReadLineAsync(Ct);
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(Ct);
        }

        // Only a guard so a regression fails instead of hanging the suite; a fixed chat exits at once.
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        guard.CancelAfter(TimeSpan.FromSeconds(60));
        var exited = await process.WaitForExitAsync(guard.Token).ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default);
        if (!exited)
        {
            process.Kill(entireProcessTree: true);
        }

        Assert.True(exited, "evolve agent chat was still running after one SIGINT");
        Assert.Equal("Where is Lima?", answer);
        Assert.Equal(0, process.ExitCode);
        Assert.DoesNotContain("Exception", await error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_RealProcess_KeyFromEnvironmentIsRequiredOnEveryRequest()
    {
        using var dir = SmallWorkspace.Create();
        using var process = Start(dir, new Dictionary<string, string> { ["EVOLVE_SERVE_KEY"] = "sk-from-env" }, "agent", "serve", "qa", "--port", "0", "--model", "echo");
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var serving = await process.StandardError.ReadLineAsync(Ct);
        var address = ServingLine().Match(serving ?? string.Empty);
        Assert.True(address.Success, $"unexpected first line: {serving}");

        using var http = new HttpClient { BaseAddress = new Uri(address.Groups["url"].Value) };
        using var anonymous = await http.GetAsync(new Uri("/v1/models", UriKind.Relative), Ct);
        using var keyed = new HttpRequestMessage(HttpMethod.Get, new Uri("/v1/models", UriKind.Relative));
        keyed.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "sk-from-env");
        using var allowed = await http.SendAsync(keyed, Ct);
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(Ct);
        }

        await process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        await stdout;

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, allowed.StatusCode);
    }

    private static Process Start(TempDirectory dir, params string[] args) => Start(dir, new Dictionary<string, string>(), args);

    private static Process Start(TempDirectory dir, Dictionary<string, string> environment, params string[] args)
    {
        var evolve = Path.Combine(AppContext.BaseDirectory, "evolve.dll");
        var start = new ProcessStartInfo("dotnet", [evolve, .. args])
        {
            WorkingDirectory = dir.Path, RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    [GeneratedRegex(@"^serving qa .* at (?<url>http://127\.0\.0\.1:\d+/)v1 ")]
    private static partial Regex ServingLine();
}

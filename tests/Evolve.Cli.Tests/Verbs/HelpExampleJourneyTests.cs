using System.Diagnostics;
using Evolve.Tests.Shared.Loopback;

namespace Evolve.Cli.Tests.Verbs;

/// <summary>
/// Every example in every verb's help, copied into a shell in a copy of the shipped workspace,
/// works: each runs as a real <c>evolve</c> process in the order a new user would try them (a run
/// before its report, a promote before a rollback) and exits 0. Hosted models are loopback
/// servers given through the variables a user with a key would set.
/// </summary>
public sealed class HelpExampleJourneyTests
{
    // A full `evolve run` takes a minute; the journey caps each run's budget (every other argument
    // is as printed). The budget must still buy a proposal after the holdout reserve.
    private const string RunBudget = "200";

    // Verb order of the journey: what a later example reads, an earlier one made.
    private static readonly string[] Journey =
        ["run", "eval", "report", "runs", "compare", "suite", "agent", "promote", "deploy", "rollback", "library", "models"];

    // Runs until it is stopped, so it cannot end with an exit code; ServeTests drive it over HTTP.
    private static readonly string[] LongRunning = ["evolve agent serve arith --port 8080", "evolve models serve sim --port 8081", "evolve score serve --suite arith --port 8082"];

    // promote needs an optimization run whose best beats the agent's live files; the user's first
    // `evolve run --suite arith` is that run.
    private const string BeforePromote = "evolve run --suite arith --budget 400";

    [Fact]
    public async Task Examples_RunInOrderInACopiedWorkspace_EachExitsZero()
    {
        var context = new CliContext(TextWriter.Null, TextWriter.Null, Workspace.RepoRoot, DefaultDependencies.Create(TimeProvider.System), Interactive: false);
        var examples = HelpExample.All(EvolveApp.CreateRoot(context)).Distinct().ToList();
        Assert.Equal(LongRunning, examples.Where(LongRunning.Contains));
        using var dir = Workspace.CopyShipped();
        CopyImportInputs(dir, examples);
        await using var openAi = LoopbackServer.OpenAi();
        await using var ollama = LoopbackServer.Ollama();
        var failures = new List<string>();
        foreach (var line in Ordered(examples.Except(LongRunning)))
        {
            var (code, output) = await RunAsync(dir.Path, line, openAi, ollama);
            // A --min-score example shows the gate: exit 1 with its verdict is that example working.
            var gateShown = line.Contains("--min-score", StringComparison.Ordinal) && code == 1 && output.Contains("gate: mean score", StringComparison.Ordinal);
            if (code != 0 && !gateShown)
            {
                failures.Add($"{line}: exit {code}: {output.Trim()}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        Assert.True(File.Exists(Path.Combine(dir.Path, "summary.md")) && File.Exists(Path.Combine(dir.Path, "report.json")), "the report examples wrote nothing");
        Assert.NotEmpty(openAi.ChatRequests);
    }

    private static IEnumerable<string> Ordered(IEnumerable<string> examples)
    {
        foreach (var verb in Journey)
        {
            if (verb == "promote")
            {
                yield return BeforePromote;
            }

            foreach (var line in examples.Where(l => HelpExample.Tokens(l)[1] == verb))
            {
                yield return Capped(line);
            }
        }
    }

    private static string Capped(string line)
    {
        var tokens = HelpExample.Tokens(line).ToList();
        if (tokens[1] != "run" || tokens.Contains("--resume"))
        {
            return line;
        }

        var at = tokens.IndexOf("--budget");
        if (at > 0)
        {
            tokens.RemoveRange(at, 2);
        }

        return string.Join(' ', tokens.Append("--budget").Append(RunBudget));
    }

    private static void CopyImportInputs(TempDirectory dir, IEnumerable<string> examples)
    {
        foreach (var tokens in examples.Select(HelpExample.Tokens).Where(t => t.Length > 4 && t[1] == "suite" && t[2] == "import"))
        {
            var from = Path.GetDirectoryName(Path.Combine(Workspace.RepoRoot, tokens[4]))!;
            var to = Path.GetDirectoryName(Path.Combine(dir.Path, tokens[4]))!;
            Directory.CreateDirectory(to);
            foreach (var file in Directory.EnumerateFiles(from))
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
            }
        }
    }

    /// <summary>The line as a user pastes it into bash, with <c>evolve</c> the built CLI.</summary>
    private static async Task<(int Code, string Output)> RunAsync(string directory, string line, LoopbackServer openAi, LoopbackServer ollama)
    {
        var evolve = Path.Combine(AppContext.BaseDirectory, "evolve.dll");
        var start = new ProcessStartInfo("bash", ["-c", $"evolve() {{ dotnet '{evolve}' \"$@\"; }}; {line}"])
        {
            WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
        };
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("OPENAI_", StringComparison.Ordinal) || k.StartsWith("OLLAMA_", StringComparison.Ordinal) || k.StartsWith("ANTHROPIC_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["OPENAI_BASE_URL"] = openAi.Root + "/v1";
        start.Environment["OPENAI_API_KEY"] = "sk-loopback-0123456789abcdef";
        start.Environment["OLLAMA_HOST"] = ollama.Root;
        start.Environment["BROWSER"] = "true"; // what `report --open` launches: nothing, here
        using var process = Process.Start(start)!;
        process.StandardInput.Close(); // `agent chat` ends at the end of its input
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await error + await output);
    }
}

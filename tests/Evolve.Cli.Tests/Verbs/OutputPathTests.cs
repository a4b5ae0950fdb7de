namespace Evolve.Cli.Tests.Verbs;

/// <summary>-o and --runs that cannot be written are refused before the run starts: one line, exit 2, no stack trace, no input lost.</summary>
public sealed class OutputPathTests
{
    private static async Task<CliRun> AssertRejectedAsync(TempDirectory dir, params string[] args)
    {
        var run = await CliRun.InvokeAsync(dir.Path, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(SmallWorkspace.RunFolders(dir));
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.DoesNotContain(" at ", run.Error, StringComparison.Ordinal);
        return run;
    }

    [Fact]
    public async Task Eval_OutputIsTheSuitesOwnCases_RefusedAndCasesKept()
    {
        using var dir = SmallWorkspace.Create();
        var cases = Path.Combine(dir.Path, "evals", "qa", "cases.yaml");
        var before = File.ReadAllText(cases);

        var run = await AssertRejectedAsync(dir, "eval", "--suite", "qa", "-o", "evals/qa/cases.yaml");

        Assert.Equal($"error: --output: {cases} is inside the suites folder {Path.Combine(dir.Path, "evals")}; write results outside evals/ and prompts/ so no input of the run is overwritten\n", run.Error);
        Assert.Equal(before, File.ReadAllText(cases));
    }

    [Fact]
    public async Task Eval_OutputIsTheAgentsPrompt_Refused()
    {
        using var dir = SmallWorkspace.Create();

        var run = await AssertRejectedAsync(dir, "eval", "--suite", "qa", "-o", "prompts/qa/system.sbn");

        Assert.StartsWith($"error: --output: {Path.Combine(dir.Path, "prompts", "qa", "system.sbn")} is inside the agents folder", run.Error, StringComparison.Ordinal);
        Assert.Equal("Answer with the city name only.", File.ReadAllText(Path.Combine(dir.Path, "prompts", "qa", "system.sbn")));
    }

    [Fact]
    public async Task Eval_OutputIsADirectory_Refused()
    {
        using var dir = SmallWorkspace.Create();
        Directory.CreateDirectory(Path.Combine(dir.Path, "out"));

        var run = await AssertRejectedAsync(dir, "eval", "--suite", "qa", "-o", "out");

        Assert.Equal($"error: --output: {Path.Combine(dir.Path, "out")} is a folder; give a file name\n", run.Error);
    }

    [Fact]
    public async Task Eval_OutputInMissingFolder_Refused()
    {
        using var dir = SmallWorkspace.Create();

        var run = await AssertRejectedAsync(dir, "eval", "--suite", "qa", "-o", "missing/result.json");

        Assert.Equal($"error: --output: folder {Path.Combine(dir.Path, "missing")} does not exist\n", run.Error);
    }

    [Fact]
    public async Task Eval_OutputIsProcVersion_Refused()
    {
        using var dir = SmallWorkspace.Create();

        var run = await AssertRejectedAsync(dir, "eval", "--suite", "qa", "-o", "/proc/version");

        Assert.StartsWith("error: --output: cannot write /proc/version", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_RunsIsAFile_Refused()
    {
        using var dir = SmallWorkspace.Create();
        var file = dir.Write("runs-file", "x");

        var run = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "qa", "--runs", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: --runs: {file} is a file, not a folder\n", run.Error);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Eval_RunsReadOnly_Refused()
    {
        Assert.SkipWhen(Environment.UserName == "root", "root can write into a read-only folder");
        using var dir = SmallWorkspace.Create();
        var runs = Path.Combine(dir.Path, "locked");
        Directory.CreateDirectory(runs);
        File.SetUnixFileMode(runs, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            var run = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "qa", "--runs", runs);

            Assert.Equal(2, run.ExitCode);
            Assert.StartsWith($"error: --runs: cannot write into {runs}", run.Error, StringComparison.Ordinal);
            Assert.Single(run.Error.Trim().Split('\n'));
        }
        finally
        {
            File.SetUnixFileMode(runs, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}

using System.Text;

namespace Evolve.Cli.Tests.Verbs;

/// <summary>Hostile or broken files: a one-line error and exit 2 (3 for systemic), never a stack trace or a run folder.</summary>
public sealed class HostileInputTests
{
    [Fact]
    public async Task Eval_SuiteNameClimbingOut_IsRefusedAndWritesNothingThere()
    {
        using var dir = SmallWorkspace.Create();
        dir.Write("evals/qa/suite.yaml", "name: ../../escaped\nagent: qa\ncases: [cases.yaml]\n");

        var run = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "qa");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            $"error: {Path.Combine(dir.Path, "evals", "qa", "suite.yaml")}:1: name: '../../escaped' is not a suite name (lower-case letters, digits, '.', '_', '-'; no path separators or '..')",
            run.Error.TrimEnd());
        Assert.Empty(SmallWorkspace.RunFolders(dir));
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "..", "escaped")) || Directory.EnumerateDirectories(Path.GetDirectoryName(dir.Path)!, "*escaped*").Any());
    }

    [Fact]
    public async Task Eval_AgentYamlSystemOutsideItsFolder_IsRefused()
    {
        using var dir = SmallWorkspace.Create();
        dir.Write("victim.sbn", "the secret is 42");
        dir.Write("prompts/qa/agent.yaml", "name: qa\nsystem: ../../victim.sbn\ntask: task.sbn\nanswer: text\n");

        var run = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "qa");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("agent.yaml:2: system: '../../victim.sbn' resolves outside the agent folder", run.Error, StringComparison.Ordinal);
        Assert.Empty(SmallWorkspace.RunFolders(dir));
    }

    [Theory]
    [InlineData("../secret/cases.yaml")]
    [InlineData("../*/cases.yaml")]
    [InlineData("ABSOLUTE")]
    public async Task SuiteValidate_CaseEntryOutsideTheSuiteFolder_IsRefusedOnItsLine(string entry)
    {
        using var dir = SmallWorkspace.Create();
        var secret = dir.Write("evals/secret/cases.yaml", "- id: stolen\n  vars: { country: France }\n");
        entry = entry == "ABSOLUTE" ? secret : entry;
        dir.Write("evals/qa/suite.yaml", $"agent: qa\ncases:\n  - cases.yaml\n  - '{entry}'\n");

        var run = await CliRun.InvokeAsync(dir.Path, "suite", "validate", "qa");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("suite.yaml:4: cases: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("outside the suite folder", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("stolen", run.Out + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuiteValidate_CaseFileSymlinkedOutside_IsRefused()
    {
        using var dir = SmallWorkspace.Create();
        var secret = dir.Write("secret.yaml", "- id: stolen\n  vars: { country: France }\n");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "evals/qa/more.yaml"), secret);
        dir.Write("evals/qa/suite.yaml", "agent: qa\ncases: ['*.yaml']\n");

        var run = await CliRun.InvokeAsync(dir.Path, "suite", "validate", "qa");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"suite.yaml:2: cases: 'more.yaml' is a link to {secret}, outside the suite folder", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuiteValidate_AliasBombInCaseVars_IsReportedNotHung()
    {
        using var dir = SmallWorkspace.Create();
        var bomb = new StringBuilder("- id: boom\n  vars:\n    l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 1; level <= 9; level++)
        {
            bomb.Append($"    l{level}: &l{level} [{string.Join(", ", Enumerable.Repeat($"*l{level - 1}", 10))}]\n");
        }

        dir.Write("evals/qa/cases.yaml", bomb.ToString());
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(TimeSpan.FromMinutes(2));

        var run = await Task.Run(() => CliRun.InvokeAsync(dir.Path, "suite", "validate", "qa"), guard.Token).WaitAsync(guard.Token);

        Assert.Equal(2, run.ExitCode);
        Assert.Matches(@"cases\.yaml:\d+: YAML refused: the document expands to more than", run.Error);
    }

    [Fact]
    public async Task Eval_TemplateWithInvalidUtf8_NamesFileAndLine()
    {
        using var dir = SmallWorkspace.Create();
        File.WriteAllBytes(Path.Combine(dir.Path, "prompts/qa/task.sbn"), [.. "What is the capital of\n{{ country }}, caf"u8, 0xE9, .. "?\n"u8]);

        var run = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "qa");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("task.sbn:2: the file is not valid UTF-8 text", run.Error, StringComparison.Ordinal);
        Assert.Empty(SmallWorkspace.RunFolders(dir));
    }

    [Fact]
    public async Task Eval_TemplateFailingForEveryCase_IsASystemicFailure()
    {
        using var dir = SmallWorkspace.Create();
        dir.Write("prompts/qa/task.sbn", "What is the capital of {{ country | string.nope }}?");

        var run = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "qa");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("the task template failed to render for every case", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_GarbageRunDatabase_IsAOneLineError()
    {
        using var dir = SmallWorkspace.Create();
        var db = Path.Combine(dir.Path, "runs", "20260101-000000-qa-eval-abcdef", "run.db");
        Directory.CreateDirectory(Path.GetDirectoryName(db)!);
        File.WriteAllBytes(db, Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("this is not a database ", 400))));

        var run = await CliRun.InvokeAsync(dir.Path, "report", "20260101-000000-qa-eval-abcdef");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: {db}: is not a run database (not SQLite, or damaged)", Assert.Single(run.Error.TrimEnd().Split('\n')));
    }

    [Fact]
    public async Task Report_EmptyRunDatabase_IsAOneLineError()
    {
        using var dir = SmallWorkspace.Create();
        var db = Path.Combine(dir.Path, "runs", "20260101-000000-qa-eval-abcdef", "run.db");
        Directory.CreateDirectory(Path.GetDirectoryName(db)!);
        File.WriteAllBytes(db, []);

        var run = await CliRun.InvokeAsync(dir.Path, "report", "20260101-000000-qa-eval-abcdef");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: {db}: the run database has no run header (the run never started, or the file is not Evolve's)", Assert.Single(run.Error.TrimEnd().Split('\n')));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SuiteImportHumanEval_GarbageGzip_IsAOneLineError(bool gzipMagic)
    {
        using var dir = SmallWorkspace.Create();
        var garbage = Path.Combine(dir.Path, "garbage.jsonl.gz");
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        if (gzipMagic)
        {
            (bytes[0], bytes[1], bytes[2]) = (0x1f, 0x8b, 0x08);
        }

        File.WriteAllBytes(garbage, bytes);

        var run = await CliRun.InvokeAsync(dir.Path, "suite", "import", "humaneval", garbage);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: {garbage}", Assert.Single(run.Error.TrimEnd().Split('\n')), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "evals", "garbage")));
    }
}

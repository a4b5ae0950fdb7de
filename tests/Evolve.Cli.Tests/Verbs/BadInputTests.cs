namespace Evolve.Cli.Tests.Verbs;

/// <summary>Every kind of bad input: one clear line naming file, line and field, exit code 2, nothing run, nothing lost.</summary>
public sealed class BadInputTests
{
    private static async Task<CliRun> AssertRejectedAsync(TempDirectory dir, params string[] args)
    {
        var output = dir.Write("previous-output.json", "keep me");
        var run = await CliRun.InvokeAsync(dir.Path, [.. args, "--output", output]);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(SmallWorkspace.RunFolders(dir));
        Assert.Equal("keep me", File.ReadAllText(output));
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
        return run;
    }

    [Fact]
    public async Task Eval_MissingSuite_NamesTheSuitesThatExist()
    {
        using var dir = SmallWorkspace.Create();

        var run = await AssertRejectedAsync(dir, "eval", "--suite", "nope");

        Assert.Contains("qa", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_MalformedSuiteYaml_NamesFileAndLine()
    {
        using var dir = SmallWorkspace.Create();
        dir.Write("evals/qa/suite.yaml", "agent: qa\ncases: [cases.yaml\nrepeat: 1\n");

        var run = await AssertRejectedAsync(dir, "eval", "--suite", "qa");

        Assert.Matches(@"suite\.yaml:\d+", run.Error);
    }

    [Fact]
    public async Task Eval_CsvRowWithWrongCellCount_NamesFileAndLine()
    {
        using var dir = SmallWorkspace.Create();
        dir.Write("evals/qa/suite.yaml", "agent: qa\ncases: [cases.csv]\n");
        dir.Write("evals/qa/cases.csv", "country,__expected\nFrance,Paris\nJapan,Tokyo,extra\n");

        var run = await AssertRejectedAsync(dir, "eval", "--suite", "qa");

        Assert.Contains("cases.csv:3", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_UnknownAssertionType_NamesFileLineAndField()
    {
        using var dir = SmallWorkspace.Create();
        dir.Write("evals/qa/cases.yaml", "- id: a\n  vars: { country: France }\n  assert:\n    - type: equalz\n      value: Paris\n");

        var run = await AssertRejectedAsync(dir, "eval", "--suite", "qa");

        Assert.Contains("cases.yaml:4", run.Error, StringComparison.Ordinal);
        Assert.Contains("equalz", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_DuplicateCaseId_NamesBothPlaces()
    {
        using var dir = SmallWorkspace.Create();
        dir.Write("evals/qa/cases.yaml", "- id: a\n  vars: { country: France }\n  expected: Paris\n- id: a\n  vars: { country: Peru }\n  expected: Lima\n");

        var run = await AssertRejectedAsync(dir, "eval", "--suite", "qa");

        Assert.Contains("cases.yaml:4", run.Error, StringComparison.Ordinal);
        Assert.Contains("duplicate", run.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Eval_PromptThatDoesNotParse_NamesFileLineAndColumn()
    {
        using var dir = SmallWorkspace.Create();
        var prompt = dir.Write("bad.sbn", "Answer briefly.\n{{ if country }}\n");

        var run = await AssertRejectedAsync(dir, "eval", "--suite", "qa", "--prompt", prompt);

        Assert.Contains("bad.sbn:", run.Error, StringComparison.Ordinal);
        Assert.Contains("column", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_UnknownFlag_IsRejectedWithUsageHint()
    {
        using var dir = SmallWorkspace.Create();

        var run = await AssertRejectedAsync(dir, "eval", "--suite", "qa", "--concurrancy", "4");

        Assert.Contains("--concurrancy", run.Error, StringComparison.Ordinal);
        Assert.Contains("evolve eval --help", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_BadModelUri_NamesTheModelFlag()
    {
        using var dir = SmallWorkspace.Create();

        var run = await AssertRejectedAsync(dir, "eval", "--suite", "qa", "--model", "sim?latency=fast");

        Assert.Contains("--model", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_HostileSuiteName_IsRejectedWithoutReadingOutsideEvals()
    {
        using var dir = SmallWorkspace.Create();

        var run = await AssertRejectedAsync(dir, "eval", "--suite", "../../etc");

        Assert.Contains("--suite", run.Error, StringComparison.Ordinal);
    }
}

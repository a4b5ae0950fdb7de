namespace Evolve.Cli.Tests.Verbs;

/// <summary>Every flag is checked before anything is created, in one line that names the flag and never a .NET type.</summary>
public sealed class OptionValidationTests
{
    private static async Task<CliRun> AssertRejectedAsync(TempDirectory dir, params string[] args)
    {
        var run = await CliRun.InvokeAsync(dir.Path, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(SmallWorkspace.RunFolders(dir));
        Assert.DoesNotContain("System.", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Evolve.", run.Error, StringComparison.Ordinal);
        return run;
    }

    [Fact]
    public async Task Run_BogusAccept_OneErrorAndNoRunFolder()
    {
        using var dir = SmallWorkspace.Create();

        var run = await AssertRejectedAsync(dir, "run", "--suite", "qa", "--accept", "bogus");

        Assert.Equal("error: --accept: must be strict or tolerance:X with X between 0 and 1, not 'bogus'\n(run 'evolve run --help' for usage)\n", run.Error);
    }

    [Fact]
    public async Task Run_BogusSelection_ListsTheValues()
    {
        using var dir = SmallWorkspace.Create();

        var run = await AssertRejectedAsync(dir, "run", "--suite", "qa", "--selection", "random");

        Assert.Equal("error: --selection: must be pareto, best, epsilon or topk, not 'random'\n(run 'evolve run --help' for usage)\n", run.Error);
    }

    [Fact]
    public async Task Eval_MinScoreAboveOne_Rejected()
    {
        using var dir = SmallWorkspace.Create();

        var run = await AssertRejectedAsync(dir, "eval", "--suite", "qa", "--min-score", "2");

        Assert.Equal("error: --min-score: must be between 0 and 1, not 2\n(run 'evolve eval --help' for usage)\n", run.Error);
    }

    [Fact]
    public async Task Eval_BogusFormat_ListsLowerCaseValues()
    {
        using var dir = SmallWorkspace.Create();

        var run = await AssertRejectedAsync(dir, "eval", "--suite", "qa", "--format", "bogus");

        Assert.Equal("error: --format: must be table, json, csv or junit, not 'bogus'\n(run 'evolve eval --help' for usage)\n", run.Error);
    }

    [Fact]
    public async Task Eval_BogusSplitAndSandbox_BothReported()
    {
        using var dir = SmallWorkspace.Create();

        var run = await AssertRejectedAsync(dir, "eval", "--suite", "qa", "--split", "test", "--sandbox", "docker");

        Assert.Equal(
            "error: --split: must be all, train, val or holdout, not 'test'\n"
            + "error: --sandbox: must be auto, bwrap, namespaces or process, not 'docker'\n(run 'evolve eval --help' for usage)\n",
            run.Error);
    }

    [Fact]
    public async Task Eval_RepeatNotANumber_SaysWholeNumberNotTypeName()
    {
        using var dir = SmallWorkspace.Create();

        var run = await AssertRejectedAsync(dir, "eval", "--suite", "qa", "--repeat", "abc");

        Assert.Equal("error: --repeat: 'abc' is not a whole number\n(run 'evolve eval --help' for usage)\n", run.Error);
    }

    [Fact]
    public async Task Eval_FormatCaseInsensitive_Accepted()
    {
        using var dir = SmallWorkspace.Create();

        var run = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "qa", "--format", "JSON");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("{", run.Out.TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_EvalAndRun_ShowValuesInLowerCase()
    {
        using var dir = SmallWorkspace.Create();

        var eval = await CliRun.InvokeAsync(dir.Path, "eval", "--help");
        var run = await CliRun.InvokeAsync(dir.Path, "run", "--help");

        Assert.Contains("--format <table|json|csv|junit>", eval.Out, StringComparison.Ordinal);
        Assert.Contains("[default: table]", eval.Out, StringComparison.Ordinal);
        Assert.Contains("--split <all|train|val|holdout>", eval.Out, StringComparison.Ordinal);
        Assert.Contains("--selection <pareto|best|epsilon|topk>", run.Out, StringComparison.Ordinal);
        Assert.Contains("--sandbox <auto|bwrap|namespaces|process>", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Table", eval.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuiteValidate_WordCountOfBanana_NamesFileLineAndField()
    {
        using var dir = SmallWorkspace.Create();
        dir.Write("evals/qa/cases.yaml", "- id: a\n  vars: { country: France }\n  assert:\n    - type: word-count\n      value: banana\n");

        var run = await CliRun.InvokeAsync(dir.Path, "suite", "validate", "qa");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            $"error: {Path.Combine(dir.Path, "evals", "qa", "cases.yaml")}:4: assert[0].value: word-count value must be a whole number of words (or the value a {{min, max}} map), not \"banana\"\n",
            run.Error);
    }

    /// <summary>Every choice flag speaks through the same mechanism: one line naming the flag and its values.</summary>
    [Theory]
    [InlineData("deploy|qa|--version|1|--channel|beta", "--channel: must be live or canary, not 'beta'", "deploy")]
    [InlineData("rollback|qa|--channel|beta", "--channel: must be live or canary, not 'beta'", "rollback")]
    [InlineData("runs|list|--status|done", "--status: must be running, finished, interrupted, failed or unreadable, not 'done'", "runs list")]
    [InlineData("eval|--suite|qa|--otel|jaeger", "--otel: must be console or none, not 'jaeger'", "eval")]
    [InlineData("eval|--suite|qa|--split|test", "--split: must be all, train, val or holdout, not 'test'", "eval")]
    [InlineData("run|--suite|qa|--selection|random", "--selection: must be pareto, best, epsilon or topk, not 'random'", "run")]
    [InlineData("compare|a|b|--suite|qa|--sandbox|docker", "--sandbox: must be auto, bwrap, namespaces or process, not 'docker'", "compare")]
    [InlineData("suite|import|promptfu|x.yaml", "kind: must be promptfoo or humaneval, not 'promptfu'", "suite import")]
    public async Task ChoiceFlag_BogusValue_OneLineListingTheValues(string args, string message, string verb)
    {
        using var dir = SmallWorkspace.Create();

        var run = await AssertRejectedAsync(dir, args.Split('|'));

        Assert.Equal($"error: {message}\n(run 'evolve {verb} --help' for usage)\n", run.Error);
    }
}

using Evolve.Core.Suites;

namespace Evolve.Cli.Tests.Verbs;

public sealed class SuiteVerbTests
{
    [Fact]
    public async Task List_ShippedSuites_ShowsEachWithItsAgentAndSplitCounts()
    {
        using var dir = Workspace.CopyShipped();

        var run = await CliRun.InvokeAsync(dir.Path, "suite", "list");

        Assert.Equal(0, run.ExitCode);
        foreach (var name in new[] { "coding", "extract", "arith" })
        {
            var suite = SuiteLoader.Load(Path.Combine(dir.Path, "evals"), name);
            Assert.Contains(run.Out.Split('\n'), line => line.StartsWith(name, StringComparison.Ordinal) && line.Contains($" {suite.Cases.Count} ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task ValidateCheckReferences_ShippedSuites_EveryReferencePassesItsOwnAssertions()
    {
        using var dir = Workspace.CopyShipped();

        var run = await CliRun.InvokeAsync(dir.Path, "suite", "validate", "--check-references");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("coding: 49 cases ok; references 49/49 pass", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("reference fails", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateCheckReferences_WrongReference_IsReportedAndExitsOne()
    {
        using var dir = SmallWorkspace.Create();
        dir.Write("evals/qa/cases.yaml", "- id: wrong\n  vars: { country: France }\n  expected: Lyon\n  assert: [{ type: equals, value: Paris }]\n");

        var run = await CliRun.InvokeAsync(dir.Path, "suite", "validate", "qa", "--check-references");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("reference fails: ", run.Out, StringComparison.Ordinal);
        Assert.Contains("wrong", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAndEval_TypeNotScoredYet_WarnsAndScoresTheRestOfTheCase()
    {
        using var dir = SmallWorkspace.Create();
        dir.Write("evals/qa/cases.yaml", """
            - id: france
              vars: { country: France }
              assert:
                - { type: moderation, value: names the capital }
                - { type: javascript, value: "output.length < 40" }
              split: train
            """);
        var warning = $"warning: {Path.Combine(dir.Path, "evals", "qa", "cases.yaml")}:4: 1 'moderation' assertion(s) scored as errors";

        var validate = await CliRun.InvokeAsync(dir.Path, "suite", "validate", "qa");
        var eval = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "qa", "--split", "train", "--format", "json");

        Assert.Equal((0, 0), (validate.ExitCode, eval.ExitCode));
        Assert.Contains(warning, validate.Error, StringComparison.Ordinal);
        Assert.Contains(warning, eval.Error, StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(eval.Out);
        Assert.Equal(0.5, json.RootElement.GetProperty("summary").GetProperty("meanScore").GetDouble());
    }

    [Fact]
    public async Task Validate_BrokenSuite_ListsEveryProblemAndExitsTwo()
    {
        using var dir = SmallWorkspace.Create();
        dir.Write("evals/qa/cases.yaml", "- id: a\n  vars: { country: France }\n  difficulty: 3\n  assert: [{ type: nope }]\n");

        var run = await CliRun.InvokeAsync(dir.Path, "suite", "validate", "qa");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("difficulty", run.Error, StringComparison.Ordinal);
        Assert.Contains("nope", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportPromptfoo_PromptfooFixture_WritesASuiteThatLoadsAndAnAgentThatEvaluates()
    {
        using var dir = SmallWorkspace.Create();
        var config = Fixtures.Promptfoo("simple-csv", "promptfooconfig.yaml");

        var import = await CliRun.InvokeAsync(dir.Path, "suite", "import", "promptfoo", config, "--name", "translate");
        var eval = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "translate", "--model", "echo", "--format", "json");

        Assert.Equal(0, import.ExitCode);
        Assert.Contains("load", import.Error, StringComparison.Ordinal); // the Nunjucks filter without a Scriban equivalent is reported
        Assert.True(eval.ExitCode == 0, eval.Error);
        Assert.Contains("model: echo", eval.Error, StringComparison.Ordinal);
        // The file's two prompts are the agent's template and its variant: a matrix of two columns.
        using var json = System.Text.Json.JsonDocument.Parse(eval.Out);
        Assert.Equal(2, json.RootElement.GetProperty("columns").GetArrayLength());
        Assert.Equal(4, json.RootElement.GetProperty("cases").GetArrayLength());
    }

    [Fact]
    public async Task ImportHumanEval_Subset_AllCanonicalSolutionsPassInTheSandbox()
    {
        using var dir = SmallWorkspace.Create();
        var data = Fixtures.HumanEvalSubset;

        var import = await CliRun.InvokeAsync(dir.Path, "suite", "import", "humaneval", data);
        var check = await CliRun.InvokeAsync(dir.Path, "suite", "validate", "humaneval", "--check-references");

        Assert.Equal(0, import.ExitCode);
        Assert.Equal(0, check.ExitCode);
        Assert.Contains($"humaneval: {Fixtures.HumanEvalSubsetCount} cases ok; references {Fixtures.HumanEvalSubsetCount}/{Fixtures.HumanEvalSubsetCount} pass", check.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ExistingName_IsRefusedAndKeepsTheExistingSuite()
    {
        using var dir = SmallWorkspace.Create();
        var config = Fixtures.Promptfoo("simple-csv", "promptfooconfig.yaml");
        var before = File.ReadAllText(Path.Combine(dir.Path, "evals", "qa", "cases.yaml"));

        var run = await CliRun.InvokeAsync(dir.Path, "suite", "import", "promptfoo", config, "--name", "qa");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--name", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(Path.Combine(dir.Path, "evals", "qa", "cases.yaml")));
    }

    [Fact]
    public async Task Validate_APromptVarSomeCasesLack_IsAWarningSayingWhatHappens()
    {
        using var dir = SmallWorkspace.Create();
        dir.Write("evals/qa/cases.yaml", "- id: france\n  vars: { country: France }\n  assert: [{ type: contains, value: Paris }]\n- id: peru\n  vars: { }\n  assert: [{ type: contains, value: Lima }]\n");

        var validate = await CliRun.InvokeAsync(dir.Path, "suite", "validate", "qa");

        Assert.Equal(0, validate.ExitCode);
        Assert.Contains("reads 'country', which 1 case(s) do not give (peru); those cases fail", validate.Error, StringComparison.Ordinal);
    }
}

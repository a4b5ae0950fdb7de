using System.Text.Json;
using System.Xml.Linq;
using Evolve.Core.Runs;

namespace Evolve.Cli.Tests.Verbs;

public sealed class EvalVerbTests
{
    private const string SimLine = "model: sim (offline simulator, scores are synthetic)";

    [Fact]
    public async Task Eval_SmallSuite_NamesTheSimulatorAndStoresEveryRollout()
    {
        using var dir = SmallWorkspace.Create();

        var run = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "qa", "--repeat", "2");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(SimLine, run.Out, StringComparison.Ordinal);
        var folder = Assert.Single(SmallWorkspace.RunFolders(dir));
        using var store = RunStore.Open(folder, TimeProvider.System);
        Assert.Equal(6, store.LoadRollouts().Count);
        Assert.Equal((RunStatus.Finished, true), (store.LoadInfo().Status, store.LoadInfo().Simulated));
    }

    [Fact]
    public async Task Eval_CompetenceOne_ScoresEveryCase()
    {
        using var dir = SmallWorkspace.Create();

        var run = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "qa", "--model", "sim?competence=1", "--format", "json");

        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(1.0, json.RootElement.GetProperty("summary").GetProperty("meanScore").GetDouble());
        Assert.True(json.RootElement.GetProperty("simulated").GetBoolean());
    }

    [Fact]
    public async Task Eval_MinScoreAboveTheMean_ExitsWithOne()
    {
        using var dir = SmallWorkspace.Create();

        var run = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "qa", "--model", "sim?competence=0", "--min-score", "0.5");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAILED", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_CaseAndCasesFile_RunOnlyThoseCases()
    {
        using var dir = SmallWorkspace.Create();
        dir.Write("ids.txt", "# one more\nperu\n");

        var run = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "qa", "--case", "france", "--cases", "ids.txt", "--repeat", "2");

        Assert.Equal(0, run.ExitCode);
        using var store = RunStore.Open(Assert.Single(SmallWorkspace.RunFolders(dir)), TimeProvider.System);
        Assert.Equal(["france", "france", "peru", "peru"], store.LoadRollouts().Select(r => r.CaseId).Order());
    }

    [Fact]
    public async Task Eval_UnknownCase_ExitsTwoBeforeAnyRunFolder()
    {
        using var dir = SmallWorkspace.Create();

        var run = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "qa", "--case", "frnace");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: --case: no case 'frnace' in suite qa (did you mean 'france'?)\n", run.Error.ReplaceLineEndings("\n"));
        Assert.Empty(SmallWorkspace.RunFolders(dir));
    }

    [Fact]
    public async Task Eval_SplitHoldout_RunsOnlyHoldoutCases()
    {
        using var dir = SmallWorkspace.Create();

        var run = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "qa", "--split", "holdout", "--format", "csv");

        Assert.StartsWith("case_id,split,repeat,score,pass,error,feedback,output,model,simulated,run\n", run.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("\nperu,holdout,0,", run.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("\nfrance,", run.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("\njapan,", run.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains(",sim,true,", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_JunitToFile_WritesOneTestCasePerRolloutAndNamesTheModel()
    {
        using var dir = SmallWorkspace.Create();
        var file = Path.Combine(dir.Path, "out.xml");

        var run = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "qa", "--format", "junit", "--output", file);

        Assert.Equal(0, run.ExitCode);
        var xml = XDocument.Load(file);
        Assert.Equal(3, xml.Descendants("testcase").Count());
        Assert.Contains("offline simulator", xml.Root!.Element("testsuite")!.Attribute("name")!.Value, StringComparison.Ordinal);
        Assert.Contains(SimLine, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_PromptFileThatNamesTheAnswerFormat_IsEvaluatedInsteadOfTheSeed()
    {
        using var dir = SmallWorkspace.Create();
        var prompt = dir.Write("better.sbn", "You know every capital city. Answer with the city name only.");

        var run = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "qa", "--prompt", prompt, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var folder = Assert.Single(SmallWorkspace.RunFolders(dir));
        using var store = RunStore.Open(folder, TimeProvider.System);
        Assert.Equal(json.RootElement.GetProperty("candidate").GetString(), store.LoadRollouts()[0].CandidateId);
    }
}

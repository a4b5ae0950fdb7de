using System.Text.Json;

namespace Evolve.Cli.Tests.Verbs;

/// <summary><c>evolve eval</c> as a matrix: every prompt of the agent times every model given times every case.</summary>
public sealed class EvalMatrixTests
{
    // An agent with a task template and one variant, as a promptfoo import writes it; echo answers
    // with the rendered prompt, so "Say hello" passes and "Greet" does not.
    private static TempDirectory Workspace()
    {
        var dir = new TempDirectory();
        dir.Write("evals/hi/suite.yaml", "description: greetings\nagent: hi\ncases: [cases.yaml]\n");
        dir.Write("evals/hi/cases.yaml", """
            - id: alice
              vars: { name: Alice }
              assert: [{ type: icontains, value: hello, metric: greeting }]
              split: val
            - id: bob
              vars: { name: Bob }
              assert: [{ type: contains, value: Bob }]
              split: val
            """);
        dir.Write("prompts/hi/agent.yaml", "name: hi\ntask: prompt-1.sbn\nvariants: [prompt-2.sbn]\nanswer: text\nsample_vars: { name: Ann }\n");
        dir.Write("prompts/hi/prompt-1.sbn", "Say hello to {{ name }}");
        dir.Write("prompts/hi/prompt-2.sbn", "Greet {{ name }} warmly");
        Directory.CreateDirectory(Path.Combine(dir.Path, "runs"));
        return dir;
    }

    [Fact]
    public async Task Eval_VariantsTimesModels_RunsEveryCellAndShowsOneColumnEach()
    {
        using var dir = Workspace();

        var run = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "hi", "--model", "echo", "--model", "sim", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        var root = JsonDocument.Parse(run.Out).RootElement;
        var columns = root.GetProperty("columns").EnumerateArray().Select(c => (c.GetProperty("prompt").GetString(), c.GetProperty("model").GetString())).ToList();
        Assert.Equal([("prompt-1.sbn", "echo"), ("prompt-2.sbn", "echo"), ("prompt-1.sbn", "sim"), ("prompt-2.sbn", "sim")], columns);
        Assert.True(root.GetProperty("simulated").GetBoolean());
        var alice = root.GetProperty("cases").EnumerateArray().First(c => c.GetProperty("id").GetString() == "alice").GetProperty("results");
        Assert.Equal(1.0, alice[0].GetProperty("score").GetDouble());
        Assert.Equal(0.0, alice[1].GetProperty("score").GetDouble());
        Assert.Equal("Say hello to Alice", alice[0].GetProperty("output").GetString());
        Assert.Equal(1.0, root.GetProperty("columns")[0].GetProperty("namedMetrics").GetProperty("greeting").GetDouble());
        Assert.Equal(4, SmallWorkspace.RunFolders(dir).Length);
    }

    [Fact]
    public async Task Eval_MatrixTable_HasACaseRowAndAColumnPerPromptAndModel()
    {
        using var dir = Workspace();

        var run = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "hi", "--model", "echo");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("prompt-1.sbn × echo", run.Out, StringComparison.Ordinal);
        Assert.Contains("prompt-2.sbn × echo", run.Out, StringComparison.Ordinal);
        var alice = run.Out.Split('\n').Single(l => l.TrimStart().StartsWith("alice", StringComparison.Ordinal));
        Assert.Contains("[PASS 1.00] Say hello to Alice", alice, StringComparison.Ordinal);
        Assert.Contains("[FAIL 0.00] Greet Alice warmly", alice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_MatrixCsv_HasAScoreAndPassColumnPerCell()
    {
        using var dir = Workspace();

        var run = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "hi", "--model", "echo", "--format", "csv");

        Assert.True(run.ExitCode == 0, run.Error);
        var lines = run.Out.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("case_id,prompt-1.sbn × echo score,prompt-1.sbn × echo pass,prompt-2.sbn × echo score,prompt-2.sbn × echo pass", lines[0]);
        Assert.Equal("alice,1,1,0,0", lines[1]);
        Assert.Equal("bob,1,1,1,1", lines[2]);
    }

    [Fact]
    public async Task Eval_PromptGiven_EvaluatesThatPromptAlone()
    {
        using var dir = Workspace();

        var run = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "hi", "--model", "echo", "--prompt", "prompts/hi/prompt-2.sbn", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        var summary = JsonDocument.Parse(run.Out).RootElement.GetProperty("summary");
        Assert.Equal(0.5, summary.GetProperty("meanScore").GetDouble());
        Assert.Equal(0.0, summary.GetProperty("namedMetrics").GetProperty("greeting").GetDouble());
        Assert.Single(SmallWorkspace.RunFolders(dir));
    }

    [Theory]
    [InlineData("--model", "nosuchscheme:x")]
    [InlineData("--format", "junit")]
    [InlineData("--resume", "latest")]
    public async Task Eval_MatrixWithBadInput_ExitsTwoAndRunsNothing(string flag, string value)
    {
        using var dir = Workspace();

        var run = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "hi", "--model", "echo", flag, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(flag == "--model" ? "nosuchscheme" : flag, run.Error, StringComparison.Ordinal);
        Assert.Empty(SmallWorkspace.RunFolders(dir));
    }

    [Fact]
    public async Task Eval_SuiteModels_AreTheMatrixModelsWhenNoModelIsGiven()
    {
        using var dir = Workspace();
        dir.Write("evals/hi/suite.yaml", "description: greetings\nagent: hi\ncases: [cases.yaml]\nmodels: [echo, sim]\n");

        var run = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "hi", "--prompt", "prompts/hi/prompt-1.sbn", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        var models = JsonDocument.Parse(run.Out).RootElement.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("model").GetString());
        Assert.Equal(["echo", "sim"], models);
    }

    [Fact]
    public async Task Eval_SelectBest_TheSimJudgeChoosesOneAnswerPerCase_TheOthersFail()
    {
        using var dir = Workspace();
        dir.Write("evals/hi/cases.yaml", """
            - id: warm
              vars: { name: Alice }
              assert: [{ type: contains, value: Alice }, { type: select-best, value: greets warmly }]
              split: val
            """);

        var run = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "hi", "--model", "echo", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        var cells = JsonDocument.Parse(run.Out).RootElement.GetProperty("cases")[0].GetProperty("results");
        // Both answers contain Alice; only "Greet Alice warmly" has the criterion's words.
        Assert.Equal(0.0, cells[0].GetProperty("score").GetDouble());
        Assert.Equal(1.0, cells[1].GetProperty("score").GetDouble());
        Assert.Contains("another answer was chosen", cells[0].GetProperty("feedback").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_Variant_MayReadOtherVariablesThanThePrimary()
    {
        using var dir = Workspace();
        dir.Write("evals/hi/cases.yaml", "- id: alice\n  vars: { name: Alice, city: Oslo }\n  assert: [{ type: contains, value: Hello }]\n  split: val\n");
        dir.Write("prompts/hi/prompt-2.sbn", "Hello from {{ city }}");
        dir.Write("prompts/hi/agent.yaml", "name: hi\ntask: prompt-1.sbn\nvariants: [prompt-2.sbn]\nanswer: text\nsample_vars: { name: Ann, city: Oslo }\n");

        var run = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "hi", "--model", "echo", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(2, JsonDocument.Parse(run.Out).RootElement.GetProperty("columns").GetArrayLength());
    }

    [Fact]
    public async Task Eval_Matrix_WritesOneReportPageIntoEveryColumnsRunFolder()
    {
        using var dir = Workspace();
        dir.Write("prompts/hi/prompt-2.sbn", "Greet <b>{{ name }}</b> warmly");

        var run = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "hi", "--model", "echo", "--model", "sim");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("matrix report: ", run.Error, StringComparison.Ordinal);
        var pages = SmallWorkspace.RunFolders(dir).Select(f => Path.Combine(f, "matrix.html")).ToList();
        Assert.Equal(4, pages.Count);
        var html = File.ReadAllText(pages[0]);
        Assert.All(pages, p => Assert.Equal(html, File.ReadAllText(p)));
        Assert.Contains("prompt-2.sbn × echo", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("PASS 1.00</span><pre>Say hello to Alice</pre>", html, StringComparison.Ordinal);
        Assert.Contains("Greet &lt;b&gt;Alice&lt;/b&gt; warmly", html, StringComparison.Ordinal);
        Assert.Contains("scores are synthetic", html, StringComparison.Ordinal);
    }
}

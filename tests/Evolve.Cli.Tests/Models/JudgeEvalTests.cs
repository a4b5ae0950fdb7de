using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Evolve.Cli.Tests.Models;

/// <summary>
/// Model-graded assertions end to end: <c>evolve eval --judge-model</c> against loopback OpenAI,
/// Ollama and Anthropic servers acting as the judge, while <c>echo</c> answers the cases, so every
/// grade comes from the judge's scripted reply.
/// </summary>
public sealed partial class JudgeEvalTests
{
    private static TempDirectory Workspace(LoopbackServer server, string scheme)
    {
        _ = LoopbackWorkspace.KeyVariable.Length;
        var dir = new TempDirectory();
        var baseUrl = scheme == "openai" ? server.Root + "/v1" : server.Root;
        var key = scheme == "ollama" ? "" : $"    api_key_env: {LoopbackWorkspace.KeyVariable}\n";
        dir.Write("evolve.yaml", $"models:\n  {scheme}:\n    base_url: {baseUrl}\n{key}");
        dir.Write("evals/graded/suite.yaml", "description: judged cases\nagent: graded\ncases: [cases.jsonl]\n");
        var jsonl = new StringBuilder();
        for (var i = 0; i < 3; i++)
        {
            jsonl.Append($$"""{"id":"c{{i}}","vars":{"q":"topic {{i}} explained"},"assert":[{"type":"llm-rubric","value":"explains topic {{i}}"},{"type":"contains","value":"topic"}],"split":"val"}""").Append('\n');
        }

        dir.Write("evals/graded/cases.jsonl", jsonl.ToString());
        dir.Write("prompts/graded/agent.yaml", "name: graded\ntask: task.sbn\nanswer: text\nsample_vars: { q: topic 0 explained }\n");
        dir.Write("prompts/graded/task.sbn", "{{ q }}");
        Directory.CreateDirectory(Path.Combine(dir.Path, "runs"));
        // Case 0 passes, case 1 fails with a reason, case 2 gets a reply that is not JSON.
        server.Answer = request => Topic().Match(request.Body).Groups[1].Value switch
        {
            "0" => new LoopbackAnswer("""{"reason": "it explains topic 0 well", "pass": true, "score": 1}"""),
            "1" => new LoopbackAnswer("Here is my grade: {\"reason\": \"it never defines topic 1\", \"pass\": false, \"score\": 0.25}"),
            _ => new LoopbackAnswer("I think it is fine."),
        };
        return dir;
    }

    private static JsonElement Case(CliRun run, string id) =>
        JsonDocument.Parse(run.Out).RootElement.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id).GetProperty("rollouts")[0];

    [Theory]
    [InlineData("openai")]
    [InlineData("ollama")]
    [InlineData("anthropic")]
    public async Task Eval_JudgeOnEachWire_GradesByItsReplyAndKeepsItsReasonAsFeedback(string scheme)
    {
        await using var server = scheme switch { "ollama" => LoopbackServer.Ollama(), "anthropic" => LoopbackServer.Anthropic(), _ => LoopbackServer.OpenAi() };
        using var dir = Workspace(server, scheme);

        var run = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "graded", "--model", "echo", "--judge-model", $"{scheme}:judge-model", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains($"judge: {scheme}:judge-model", run.Error, StringComparison.Ordinal);
        Assert.True(Case(run, "c0").GetProperty("pass").GetBoolean());
        var failed = Case(run, "c1");
        Assert.False(failed.GetProperty("pass").GetBoolean());
        Assert.Contains("it never defines topic 1", failed.GetProperty("feedback").GetString(), StringComparison.Ordinal);
        Assert.Equal((0.25 + 1) / 2, failed.GetProperty("score").GetDouble(), 3);
        var malformed = Case(run, "c2");
        Assert.Equal(0.5, malformed.GetProperty("score").GetDouble(), 3);
        Assert.Contains("could not be read", malformed.GetProperty("feedback").GetString(), StringComparison.Ordinal);
        // One judge call per case, none for echo; each carries the rubric and the answer, never Evolve's own keys.
        Assert.Equal(3, server.ChatRequests.Count);
        Assert.All(server.ChatRequests, r =>
        {
            Assert.Contains("explains topic", r.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("evolve.", r.Body, StringComparison.Ordinal);
        });
        Assert.Contains("usage: 6 model calls", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_JudgeCallsAreCachedAndCountedInTheReportsJudgeRow()
    {
        await using var server = LoopbackServer.OpenAi();
        using var dir = Workspace(server, "openai");
        string[] args = ["eval", "--suite", "graded", "--model", "echo", "--judge-model", "openai:judge-model", "--format", "json"];

        var first = await CliRun.InvokeAsync(dir.Path, args);
        var second = await CliRun.InvokeAsync(dir.Path, args);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(3, server.ChatRequests.Count);
        // The report evolve eval writes into the run folder.
        var folder = JsonDocument.Parse(first.Out).RootElement.GetProperty("runDirectory").GetString()!;
        var judge = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "report.json"))).RootElement.GetProperty("usage").GetProperty("calls").GetProperty("judge");
        Assert.Equal(3, judge.GetProperty("calls").GetInt64());
    }

    [Fact]
    public async Task Eval_DefaultJudge_IsTheSimulatorAndSaysSo()
    {
        await using var server = LoopbackServer.OpenAi();
        using var dir = Workspace(server, "openai");

        var run = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "graded", "--model", "echo", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("judge: sim (offline simulator, scores are synthetic)", run.Error, StringComparison.Ordinal);
        Assert.Empty(server.ChatRequests);
        // echo repeats "topic N explained", which holds every salient word of "explains topic N".
        Assert.True(Case(run, "c1").GetProperty("pass").GetBoolean(), run.Out);
    }

    [Fact]
    public async Task Eval_BadJudgeModel_ExitsTwoAndCreatesNoRun()
    {
        await using var server = LoopbackServer.OpenAi();
        using var dir = Workspace(server, "openai");

        var run = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "graded", "--model", "echo", "--judge-model", "nosuchscheme:x");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nosuchscheme", run.Error, StringComparison.Ordinal);
        Assert.Empty(SmallWorkspace.RunFolders(dir));
    }

    [GeneratedRegex(@"topic (\d)")]
    private static partial Regex Topic();
}

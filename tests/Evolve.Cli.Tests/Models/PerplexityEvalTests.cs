using System.Text.Json;
using Evolve.Tests.Shared.Loopback;

namespace Evolve.Cli.Tests.Models;

/// <summary>perplexity against a loopback OpenAI server: the request asks for log-probabilities and the assertion reads what came back.</summary>
public sealed class PerplexityEvalTests
{
    private static TempDirectory Workspace(LoopbackServer server)
    {
        _ = LoopbackWorkspace.KeyVariable.Length;
        var dir = new TempDirectory();
        dir.Write("evolve.yaml", $"models:\n  openai:\n    base_url: {server.Root}/v1\n    api_key_env: {LoopbackWorkspace.KeyVariable}\n");
        dir.Write("evals/fluent/suite.yaml", "agent: fluent\ncases: [cases.yaml]\n");
        dir.Write("evals/fluent/cases.yaml", """
            - id: sure
              vars: { q: sure }
              assert: [{ type: perplexity, threshold: 1.5 }, { type: perplexity-score, threshold: 0.4 }]
              split: val
            - id: unsure
              vars: { q: unsure }
              assert: [{ type: perplexity, threshold: 1.5 }]
              split: val
            """);
        dir.Write("prompts/fluent/agent.yaml", "name: fluent\ntask: task.sbn\nanswer: text\nsample_vars: { q: sure }\n");
        dir.Write("prompts/fluent/task.sbn", "{{ q }}");
        Directory.CreateDirectory(Path.Combine(dir.Path, "runs"));
        // Mean log-probability -0.2 (perplexity 1.22) for "sure", -1 (perplexity 2.72) for "unsure".
        server.Answer = request => new LoopbackAnswer("answer") { LogProbs = request.Body.Contains("unsure", StringComparison.Ordinal) ? [-1, -1] : [-0.1, -0.3] };
        return dir;
    }

    [Fact]
    public async Task Eval_Perplexity_AsksForLogProbsAndJudgesThem()
    {
        await using var server = LoopbackServer.OpenAi();
        using var dir = Workspace(server);

        var run = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "fluent", "--model", "openai:m", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        var cases = JsonDocument.Parse(run.Out).RootElement.GetProperty("cases").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("rollouts")[0]);
        Assert.True(cases["sure"].GetProperty("pass").GetBoolean());
        Assert.False(cases["unsure"].GetProperty("pass").GetBoolean());
        Assert.Contains("perplexity is 2.718", cases["unsure"].GetProperty("feedback").GetString(), StringComparison.Ordinal);
        Assert.All(server.ChatRequests, r => Assert.Contains("\"logprobs\":true", r.Body.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Eval_Perplexity_FromTheCache_StillHasTheLogProbs()
    {
        await using var server = LoopbackServer.OpenAi();
        using var dir = Workspace(server);
        await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "fluent", "--model", "openai:m");

        var again = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "fluent", "--model", "openai:m", "--format", "json");

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Equal(2, server.ChatRequests.Count);
        var sure = JsonDocument.Parse(again.Out).RootElement.GetProperty("cases").EnumerateArray().First().GetProperty("rollouts")[0];
        Assert.True(sure.GetProperty("pass").GetBoolean(), sure.GetProperty("feedback").GetString());
    }
}

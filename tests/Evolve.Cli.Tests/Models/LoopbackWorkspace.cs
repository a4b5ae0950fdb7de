using System.Text;
using System.Text.RegularExpressions;

namespace Evolve.Cli.Tests.Models;

/// <summary>
/// A workspace whose evolve.yaml points <c>openai:</c> at a loopback server, with a suite of
/// "What is item N?" cases the server answers right ("reply-N"), so every rollout can pass and any
/// failure comes from the scripted faults.
/// </summary>
internal static partial class LoopbackWorkspace
{
    /// <summary>Read by evolve.yaml's api_key_env; a name no other test or user sets.</summary>
    public const string KeyVariable = "EVOLVE_LOOPBACK_TEST_KEY";

    static LoopbackWorkspace() => Environment.SetEnvironmentVariable(KeyVariable, "loopback-test-key");

    public static TempDirectory Create(LoopbackServer server, int cases, string scheme = "openai")
    {
        _ = KeyVariable.Length; // runs the static constructor before any model is built
        var dir = new TempDirectory();
        var baseUrl = scheme == "openai" ? server.Root + "/v1" : server.Root;
        var key = scheme == "ollama" ? "" : $"    api_key_env: {KeyVariable}\n";
        dir.Write("evolve.yaml", $"models:\n  {scheme}:\n    base_url: {baseUrl}\n{key}");
        dir.Write("evals/items/suite.yaml", "description: loopback items\nagent: items\ncases: [cases.jsonl]\n");
        var jsonl = new StringBuilder();
        for (var i = 0; i < cases; i++)
        {
            jsonl.Append($$"""{"id":"c{{i}}","vars":{"q":"What is item {{i}}?"},"expected":"reply-{{i}}","assert":[{"type":"equals","value":"reply-{{i}}"}],"split":"val"}""").Append('\n');
        }

        dir.Write("evals/items/cases.jsonl", jsonl.ToString());
        dir.Write("prompts/items/agent.yaml", "name: items\nsystem: system.sbn\ntask: task.sbn\nanswer: text\nsample_vars: { q: What is item 0? }\n");
        dir.Write("prompts/items/system.sbn", "Answer with the value only.");
        dir.Write("prompts/items/task.sbn", "{{ q }}");
        Directory.CreateDirectory(Path.Combine(dir.Path, "runs"));
        server.Answer = request => Item().Match(request.Body) is { Success: true } m ? new LoopbackAnswer($"reply-{m.Groups[1].Value}") : LoopbackAnswer.Ok;
        return dir;
    }

    [GeneratedRegex(@"What is item (\d+)\?")]
    private static partial Regex Item();
}

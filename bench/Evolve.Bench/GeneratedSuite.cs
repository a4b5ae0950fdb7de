using System.Globalization;
using System.Text;

namespace Evolve.Bench;

/// <summary>
/// <c>gen-suite --cases N --out DIR</c>: writes a synthetic workspace (evals/gen, prompts/gen) of
/// N short-answer cases checked with <c>equals</c>, for throughput benchmarks of <c>evolve eval</c>.
/// </summary>
internal static class GeneratedSuite
{
    public static async Task<int> RunAsync(string[] args)
    {
        var cases = int.Parse(Arg(args, "--cases", "10000"), CultureInfo.InvariantCulture);
        var root = Path.GetFullPath(Arg(args, "--out", "bench-workspace"));
        var evals = Directory.CreateDirectory(Path.Combine(root, "evals", "gen")).FullName;
        var agent = Directory.CreateDirectory(Path.Combine(root, "prompts", "gen")).FullName;
        Directory.CreateDirectory(Path.Combine(root, "runs"));

        await File.WriteAllTextAsync(Path.Combine(evals, "suite.yaml"), """
            description: generated short-answer suite for throughput benchmarks
            agent: gen
            cases: [cases.jsonl]
            split: { train: 0.5, val: 0.3, holdout: 0.2, seed: 1 }
            """);
        var jsonl = new StringBuilder();
        for (var i = 0; i < cases; i++)
        {
            jsonl.Append(CultureInfo.InvariantCulture,
                $$"""{"id":"c{{i}}","vars":{"q":"What is item {{i}}?"},"expected":"answer {{i}}","assert":[{"type":"equals","value":"answer {{i}}"}],"hints":["item {{i % 50}}"],"difficulty":0.5}""");
            jsonl.Append('\n');
        }

        await File.WriteAllTextAsync(Path.Combine(evals, "cases.jsonl"), jsonl.ToString());
        await File.WriteAllTextAsync(Path.Combine(agent, "agent.yaml"), "name: gen\nsystem: system.sbn\ntask: task.sbn\nanswer: text\n");
        await File.WriteAllTextAsync(Path.Combine(agent, "system.sbn"), "Answer with the value only.\n");
        await File.WriteAllTextAsync(Path.Combine(agent, "task.sbn"), "{{ q }}\n");
        Console.WriteLine($"wrote {cases} cases to {root}");
        return 0;
    }

    private static string Arg(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}

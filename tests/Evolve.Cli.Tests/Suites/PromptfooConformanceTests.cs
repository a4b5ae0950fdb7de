using System.Text.Json;

namespace Evolve.Cli.Tests.Suites;

/// <summary>
/// Each config under PromptfooConformance (written for Evolve from promptfoo's documented behaviour,
/// echo provider only) imported and evaluated as a user would (<c>suite import promptfoo</c>, then
/// <c>eval --model echo --split all</c>), compared row by row (prompt x test) with what promptfoo
/// itself reported for it (<c>expected.json</c>, recorded by <c>bench/peer-promptfoo.sh
/// conformance</c>): the same pass and a score within 0.001, except the rows listed in
/// known-differences.txt, which must still differ.
/// </summary>
public sealed class PromptfooConformanceTests(ITestOutputHelper output)
{
    private static readonly string Root = Path.Combine(Workspace.RepoRoot, "tests", "Evolve.Cli.Tests", "Suites", "PromptfooConformance");

    public static TheoryData<string> Configs() => [.. Directory.GetDirectories(Root).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Configs))]
    public async Task Config_EvaluatedWithEcho_AgreesWithPromptfooRowByRow(string config)
    {
        var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, config, "expected.json"))).RootElement;
        var known = KnownDifferences().Where(k => k.Config == config).ToDictionary(k => (k.Prompt, k.Test), k => k.Reason);
        using var dir = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(dir.Path, "runs"));

        var import = await CliRun.InvokeAsync(dir.Path, "suite", "import", "promptfoo", Path.Combine(Root, config, "promptfooconfig.yaml"), "--name", "conf");
        Assert.True(import.ExitCode == 0, import.Error);
        var eval = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "conf", "--model", "echo", "--split", "all", "--format", "json");
        Assert.True(eval.ExitCode == 0, eval.Error);
        var results = Results(JsonDocument.Parse(eval.Out).RootElement);

        var rows = expected.GetProperty("rows").EnumerateArray().ToList();
        var disagreements = new List<string>();
        var agreed = 0;
        foreach (var row in rows)
        {
            var key = (row.GetProperty("prompt").GetInt32(), row.GetProperty("test").GetInt32());
            var mine = results.GetValueOrDefault(key);
            var agrees = mine is { } m && m.Pass == row.GetProperty("pass").GetBoolean() && Math.Abs(m.Score - row.GetProperty("score").GetDouble()) < 1e-3;
            agreed += agrees ? 1 : 0;
            if (agrees == known.ContainsKey(key))
            {
                disagreements.Add(agrees
                    ? $"{config} {key.Item1} {key.Item2} now agrees: remove it from known-differences.txt"
                    : $"{config} {key.Item1} {key.Item2} ({row.GetProperty("description").GetString()}): promptfoo pass={row.GetProperty("pass")} score={row.GetProperty("score")}, Evolve {(mine is { } x ? $"pass={x.Pass} score={x.Score:0.###}" : "no result")}");
            }
        }

        output.WriteLine($"{config}: agree {agreed} of {rows.Count} rows with promptfoo {expected.GetProperty("promptfoo").GetString()}");
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }

    // By (prompt index, test index): a matrix has one column per prompt, a single eval one prompt.
    private static Dictionary<(int, int), (bool Pass, double Score)> Results(JsonElement root)
    {
        var results = new Dictionary<(int, int), (bool, double)>();
        var cases = root.GetProperty("cases").EnumerateArray().ToList();
        for (var t = 0; t < cases.Count; t++)
        {
            if (root.TryGetProperty("columns", out _))
            {
                var cells = cases[t].GetProperty("results").EnumerateArray().ToList();
                for (var p = 0; p < cells.Count; p++)
                {
                    if (cells[p].GetProperty("score").ValueKind == JsonValueKind.Number)
                    {
                        results[(p, t)] = (cells[p].GetProperty("passRate").GetDouble() >= 1, cells[p].GetProperty("score").GetDouble());
                    }
                }
            }
            else
            {
                results[(0, t)] = (cases[t].GetProperty("passRate").GetDouble() >= 1, cases[t].GetProperty("meanScore").GetDouble());
            }
        }

        return results;
    }

    private static IEnumerable<(string Config, int Prompt, int Test, string Reason)> KnownDifferences() =>
        File.ReadAllLines(Path.Combine(Root, "known-differences.txt"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line =>
            {
                var (head, reason) = (line[..line.IndexOf(':', StringComparison.Ordinal)], line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim());
                var parts = head.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return (parts[0], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture), reason);
            });
}

using System.Diagnostics;
using Evolve.Core.Evaluation;
using Evolve.Core.Runs;
using Evolve.Core.Scoring;
using Evolve.Core.Suites;
using Evolve.Kernel.Agents;
using Evolve.Kernel.Providers;

namespace Evolve.Bench;

/// <summary>
/// <c>eval-phases --workspace DIR</c>: times each stage of a rollout separately over a generated
/// suite (load, render, sim, score, store), single-threaded, to show where Evolve spends its time.
/// </summary>
internal static class EvalPhases
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = args.Length > 1 ? args[1] : "bench-workspace";
        var watch = Stopwatch.StartNew();
        var suite = SuiteLoader.Load(Path.Combine(root, "evals"), "gen");
        Report("load suite", watch, suite.Cases.Count);

        var profile = AgentProfileLoader.Load(Path.Combine(root, "prompts"), "gen");
        var agent = AgentDefinition.Create(profile, AgentDefinition.ReadComponents(profile));
        watch.Restart();
        var oracles = CaseOracle.Lookup(suite);
        var requests = suite.Cases.Select(c =>
        {
            var (messages, options) = agent.BuildRequest(c.Vars);
            options.AdditionalProperties![ModelRequestKeys.CaseId] = c.Id;

            // Built here (and cached by the lookup) so this phase keeps the oracle's cost and "sim" times only the simulator.
            _ = oracles(c.Id, profile.Answer);
            return (messages, options);
        }).ToList();
        Report("render + oracle", watch, requests.Count);

        var client = ModelFactory.Create(ModelUri.Parse("sim"), new ModelOptions { SimOracles = oracles });
        watch.Restart();
        var outputs = new List<string>(requests.Count);
        foreach (var (messages, options) in requests)
        {
            outputs.Add((await client.GetResponseAsync(messages, options)).Text);
        }

        Report("sim", watch, outputs.Count);
        var scorer = new CaseScorer();
        watch.Restart();
        var scores = new List<CaseScore>(outputs.Count);
        for (var i = 0; i < outputs.Count; i++)
        {
            scores.Add(await scorer.ScoreAsync(suite.Cases[i], suite.DefaultAssertions, outputs[i]));
        }

        Report("score", watch, scores.Count);
        var dir = Directory.CreateTempSubdirectory("evolve-phases");
        using var store = RunStore.Create(dir.FullName, new RunInfo
        {
            Id = "phases", Kind = "eval", Suite = "gen", SuiteHash = "", Agent = "gen", Model = "sim", Simulated = true,
            OptionsJson = "{}", StartedAt = DateTimeOffset.UnixEpoch,
        }, TimeProvider.System);
        var rollouts = scores.Select((s, i) => new Rollout
        {
            CandidateId = "c", CaseId = suite.Cases[i].Id, Repeat = 0, Split = Split.Train, Output = outputs[i], Score = s,
        }).ToList();
        watch.Restart();
        foreach (var batch in rollouts.Chunk(512))
        {
            store.WriteRollouts(batch);
        }

        Report("store", watch, rollouts.Count);
        dir.Delete(recursive: true);
        return 0;
    }

    private static void Report(string phase, Stopwatch watch, int count) =>
        Console.WriteLine($"{phase,-16} {watch.Elapsed.TotalMilliseconds,9:0.0} ms  {watch.Elapsed.TotalMicroseconds / Math.Max(1, count),8:0.0} µs/item");
}

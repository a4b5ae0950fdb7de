using System.Text.Json;
using Evolve.Core.Evaluation;
using Evolve.Core.Gepa;
using Evolve.Core.Gepa.Reflection;
using Evolve.Core.Runs;
using Evolve.Core.Stats;
using Evolve.Core.Suites;
using Evolve.Core.Workspace;
using Evolve.Kernel.Agents;

namespace Evolve.Bench;

/// <summary>
/// <c>random-search --suite S --evals D --prompts D --runs D --seed N --budget B --out FILE.json</c>:
/// the GEPA ablation's random-search baseline at equal budget. Every child is a reflection on the
/// SEED over a uniformly random train minibatch (a random component each time), with no pool, no
/// parent selection and no minibatch acceptance; every child that passes the guards is validated
/// on the whole val split, the best by val wins, and the holdout check is GepaRun's (seed vs best,
/// holdout repeat, PairedComparison). Same guards, reflection client, budget reserve and
/// proposals-per-round (batch / (proposal cost + half a validation)) as the engine.
/// </summary>
internal static class RandomSearch
{
    public static async Task<int> RunAsync(string[] args)
    {
        string Arg(string name, string? fallback = null) =>
            Array.IndexOf(args, name) is var i && i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback ?? throw new ArgumentException($"missing {name}");
        var seedValue = int.Parse(Arg("--seed", "0"), System.Globalization.CultureInfo.InvariantCulture);
        var options = new GepaOptions
        {
            Suite = Arg("--suite"), Seed = seedValue, Budget = int.Parse(Arg("--budget", "1500"), System.Globalization.CultureInfo.InvariantCulture),
            Concurrency = int.Parse(Arg("--concurrency", "32"), System.Globalization.CultureInfo.InvariantCulture),
            Paths = new WorkspacePaths(Arg("--evals"), Arg("--prompts"), Arg("--runs")),
        };
        var setup = GepaPreparation.Prepare(options);
        var deps = Evolve.Cli.DefaultDependencies.Create(TimeProvider.System);
        var model = deps.CreateTaskModel(Arg("--model", "sim"), options.Paths, CaseOracle.Lookup(setup.Suite));
        var needsCode = setup.Suite.Cases.SelectMany(c => c.Assertions).Concat(setup.Suite.DefaultAssertions).Any(a => a.Type == "python-tests");
        var scorer = await deps.CreateScorerAsync(new ScorerRequest(needsCode, Level: null));
        using var store = RunStore.Create(options.Paths.Runs, new RunInfo
        {
            Id = $"random-search-seed{seedValue}-{Guid.NewGuid():N}"[..40], Kind = "optimize", Suite = setup.Suite.Name, SuiteHash = setup.Suite.ContentHash,
            Agent = setup.Profile.Name, Model = model.Uri, Simulated = model.Simulated, OptionsJson = "{}", StartedAt = DateTimeOffset.UtcNow,
        }, TimeProvider.System);
        var executor = RolloutExecutor.Create(store, RolloutIndex.Load(store), setup.Suite, model.Client, scorer.Scorer, TimeProvider.System, options.Concurrency);
        var reflection = new ReflectionClient(model.Client, model.Uri, store);
        var known = new HashSet<string>(StringComparer.Ordinal);
        var guards = new GuardContext(setup.Profile, setup.Seed.Components, known, setup.Train.Select(CaseOracle.Reference).OfType<string>());
        var rng = new Random(seedValue);
        var done = new HashSet<(string, string, int)>();
        var spent = 0;
        var available = options.Budget - setup.HoldoutCost;

        List<RolloutRequest> Requests(Candidate c, AgentDefinition a, IEnumerable<EvalCase> cases, bool trace) =>
            cases.SelectMany(e => Enumerable.Range(0, setup.Repeat).Select(r => new RolloutRequest(c, a, e, r, trace))).ToList();
        int Cost(IEnumerable<RolloutRequest> rs) => rs.Select(r => r.Key).Distinct().Count(k => !done.Contains(k));
        async Task<IReadOnlyList<Rollout>> Run(List<RolloutRequest> rs)
        {
            spent += Cost(rs);
            done.UnionWith(rs.Select(r => r.Key));
            return await executor.RunAsync(rs);
        }

        static double Mean(IReadOnlyList<Rollout> rs, string id) => rs.Where(r => r.CandidateId == id).Average(r => r.Score.Value);

        var seedAgent = AgentDefinition.Create(setup.Profile, setup.Seed.Components);
        known.Add(setup.Seed.Id);
        var seedVal = Mean(await Run(Requests(setup.Seed, seedAgent, setup.Val, false)), setup.Seed.Id);
        var (best, bestAgent, bestVal) = (setup.Seed, seedAgent, seedVal);
        var generations = new List<object> { new { generation = 0, spent, bestScore = bestVal } };
        var perRound = Math.Max(1, options.Batch / Math.Max(1, setup.ProposalCost + (setup.ValidationCost / 2)));
        var validated = 0;
        var guarded = 0;
        for (var generation = 1; generation < 500 && available - spent >= setup.ProposalCost / 2 + setup.ValidationCost; generation++)
        {
            // Plan: random minibatches of the seed, as many as the round size and the budget allow.
            var batches = new List<List<EvalCase>>();
            var planned = new List<RolloutRequest>();
            for (var i = 0; i < perRound; i++)
            {
                var batch = setup.Train.OrderBy(_ => rng.Next()).Take(options.Minibatch).ToList();
                var requests = Requests(setup.Seed, seedAgent, batch, true);
                if (Cost([.. planned, .. requests]) + ((batches.Count + 1) * setup.ValidationCost) > available - spent)
                {
                    break;
                }

                planned.AddRange(requests);
                batches.Add(batch);
            }

            if (batches.Count == 0)
            {
                break;
            }

            var seedRuns = await Run(planned);
            var children = await Task.WhenAll(batches.Select(async (batch, i) =>
            {
                var component = setup.Components[rng.Next(setup.Components.Count)];
                string? text;
                if (component == setup.Profile.Heuristics)
                {
                    // A fixed arithmetic seed: HashCode.Combine is randomized per process and would make runs unrepeatable.
                    text = HeuristicMutation.Mutate(seedAgent.Heuristics, new Random((seedValue * 1_000_003) + (generation * 1_009) + i))?.Yaml;
                }
                else
                {
                    var rollouts = seedRuns.Where(r => batch.Any(c => c.Id == r.CaseId)).ToList();
                    var records = ReflectiveDataset.FromRollouts(rollouts, batch.ToDictionary(c => c.Id, c => c.Vars));
                    var (reply, finish) = await reflection.AskAsync(ReflectionPrompt.Build(component, setup.Seed.Components[component], records, []), CancellationToken.None);
                    var outcome = ReflectionReply.Parse(reply, finish);
                    text = outcome.Problem is null ? outcome.Text : null;
                }

                return text is null ? null : new Candidate(new Dictionary<string, string>(setup.Seed.Components, StringComparer.Ordinal) { [component] = text }, [setup.Seed.Id], "random", generation);
            }));
            var live = new List<(Candidate Child, AgentDefinition Agent)>();
            foreach (var child in children.OfType<Candidate>())
            {
                if (CandidateGuard.Check(guards, child.Components).Count > 0)
                {
                    guarded++;
                    continue;
                }

                known.Add(child.Id);
                live.Add((child, AgentDefinition.Create(setup.Profile, child.Components)));
            }

            var valRuns = await Run(live.SelectMany(l => Requests(l.Child, l.Agent, setup.Val, false)).ToList());
            foreach (var (child, agent) in live)
            {
                validated++;
                var mean = Mean(valRuns, child.Id);
                if (mean > bestVal + 1e-12)
                {
                    (best, bestAgent, bestVal) = (child, agent, mean);
                }
            }

            generations.Add(new { generation, spent, bestScore = bestVal });
        }

        var holdoutRequests = Requests(setup.Seed, seedAgent, [], false);
        foreach (var (c, a) in new[] { (setup.Seed, seedAgent), (best, bestAgent) })
        {
            holdoutRequests.AddRange(setup.Holdout.SelectMany(e => Enumerable.Range(0, setup.HoldoutRepeat).Select(r => new RolloutRequest(c, a, e, r))));
        }

        var holdout = await Run(holdoutRequests);
        var pairs = setup.Holdout.Select(c =>
        {
            var a = holdout.Where(r => r.CandidateId == setup.Seed.Id && r.CaseId == c.Id).ToList();
            var b = holdout.Where(r => r.CandidateId == best.Id && r.CaseId == c.Id).ToList();
            return new PairedObservation(c.Id, a.Average(r => r.Score.Value), b.Average(r => r.Score.Value), a.Count(r => r.Score.Pass) * 2 > a.Count, b.Count(r => r.Score.Pass) * 2 > b.Count);
        }).ToList();
        var cmp = PairedComparison.Compare(pairs, new PairedComparisonOptions { Seed = seedValue });
        var result = new
        {
            seed = seedValue, spent, budget = options.Budget, validated, guarded, seedVal, bestVal, best = best.ShortId,
            holdoutSeed = cmp.MeanA, holdoutBest = cmp.MeanB, diff = cmp.MeanDifference, ciLow = cmp.DifferenceInterval.Lower, ciHigh = cmp.DifferenceInterval.Upper,
            verdict = cmp.Verdict.ToString(), generations,
        };
        await File.WriteAllTextAsync(Arg("--out"), JsonSerializer.Serialize(result));
        Console.WriteLine($"random search seed {seedValue}: val {seedVal:0.000} -> {bestVal:0.000}, holdout {cmp.MeanA:0.000} -> {cmp.MeanB:0.000} ({validated} validated, {guarded} guarded, {spent}/{options.Budget} rollouts)");
        return 0;
    }
}

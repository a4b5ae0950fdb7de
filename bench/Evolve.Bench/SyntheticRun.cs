using System.Globalization;
using Evolve.Core.Evaluation;
using Evolve.Core.Runs;
using Evolve.Core.Runs.Events;
using Evolve.Core.Scoring;
using Evolve.Core.Stats;
using Evolve.Core.Suites;

namespace Evolve.Bench;

/// <summary>
/// A synthetic optimization run.db written through <see cref="RunStore"/>: N candidates (seed,
/// reflect, numeric and merge children with mixed fates) each scored on every one of M validation
/// cases (the worst case for a report: a full candidate x case matrix), a minibatch of train cases
/// each, failing feedback in a dozen families, three holdout finalists and a finished event.
/// Seeded: the same arguments give the same database.
/// </summary>
internal static class SyntheticRun
{
    private static readonly string[] Cues = ["empty_list", "negative", "unicode", "overflow", "duplicates", "whitespace", "rounding", "sorted_input", "large_input", "none_value", "zero", "nested"];
    private static readonly CandidateStatus[] Fates =
        [CandidateStatus.Pool, CandidateStatus.Pool, CandidateStatus.Pool, CandidateStatus.Pool, CandidateStatus.Rejected, CandidateStatus.Rejected, CandidateStatus.Guarded, CandidateStatus.Raced];

    public static string Create(string runsDirectory, int candidates, int cases, int seed)
    {
        var random = new Random(seed);
        var id = $"synthetic-{candidates}x{cases}-{seed}";
        var existing = Path.Combine(runsDirectory, id);
        if (Directory.Exists(existing))
        {
            Directory.Delete(existing, recursive: true);
        }

        var start = new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);
        using var store = RunStore.Create(runsDirectory, new RunInfo
        {
            Id = id, Kind = "optimize", Suite = "synthetic", SuiteHash = "synthetic", Agent = "synthetic", Model = "sim", Simulated = true,
            OptionsJson = $$"""{"budget":{{(candidates * (cases + 6)) + 200}}}""", StartedAt = start,
        }, TimeProvider.System);

        var seedText = string.Join("\n", Enumerable.Range(0, 30).Select(i => $"Rule {i}: write clear, correct code and explain nothing unless asked ({i}).")) + "\n";
        var pool = new List<(Candidate Candidate, double Quality)>();
        var all = new List<(Candidate Candidate, double Quality)>();
        for (var i = 0; i < candidates; i++)
        {
            Candidate candidate;
            double quality;
            if (i == 0)
            {
                candidate = new Candidate(new Dictionary<string, string> { ["system.sbn"] = seedText, ["task.sbn"] = "{{ prompt }}\n" });
                quality = 0.45;
            }
            else
            {
                var (parent, parentQuality) = pool[random.Next(pool.Count)];
                var roll = random.NextDouble();
                var op = roll < 0.1 ? "merge" : roll < 0.2 ? "numeric" : "reflect";
                var lines = parent.Components["system.sbn"].Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
                lines.Add($"Pay special attention to: {Cues[random.Next(Cues.Length)]}, {Cues[random.Next(Cues.Length)]} (candidate {i}).");
                if (random.NextDouble() < 0.2)
                {
                    lines.RemoveAt(random.Next(lines.Count));
                }

                var parents = op == "merge" && pool.Count > 1 ? new[] { parent.Id, pool[random.Next(pool.Count)].Candidate.Id }.Distinct().ToList() : [parent.Id];
                candidate = new Candidate(new Dictionary<string, string> { ["system.sbn"] = string.Join("\n", lines) + "\n", ["task.sbn"] = "{{ prompt }}\n" }, parents, op, 1 + (i / 10));
                quality = Math.Clamp(parentQuality + ((random.NextDouble() - 0.4) * 0.08), 0.05, 0.95);
            }

            var fate = i == 0 ? CandidateStatus.Pool : Fates[random.Next(Fates.Length)];
            store.SaveCandidate(candidate);
            store.WriteRollouts([.. Enumerable.Range(0, 3).Select(k => Rollout(candidate, $"train-{random.Next(20):000}", Split.Train, quality, random, k))]);
            store.WriteRollouts([.. Enumerable.Range(0, cases).Select(c => Rollout(candidate, $"case-{c:000}", Split.Val, quality - (c % 10 * 0.03) + 0.12, random, 0))]);
            store.SaveCandidate(candidate, fate, new { how = candidate.Operator });
            all.Add((candidate, quality));
            if (fate == CandidateStatus.Pool)
            {
                pool.Add((candidate, quality));
            }
        }

        Finish(store, pool, random);
        return store.Directory;
    }

    private static void Finish(RunStore store, List<(Candidate Candidate, double Quality)> pool, Random random)
    {
        var seed = pool[0];
        var finalists = pool.OrderByDescending(p => p.Quality).Take(3).ToList();
        var comparisons = finalists.Select(f => PairedComparison.Compare(
            [.. Enumerable.Range(0, 30).Select(c =>
            {
                var a = Score(seed.Quality, random);
                var b = Score(f.Quality, random);
                return new PairedObservation($"holdout-{c:000}", a, b, a >= 1, b >= 1);
            })],
            new PairedComparisonOptions { Seed = 1 })).ToList();
        var holm = Holm.Adjust([.. comparisons.Select(c => c.PValue)]);
        for (var i = 0; i < finalists.Count; i++)
        {
            store.AppendEvent(new HoldoutEvent(i, finalists[i].Candidate.Id, seed.Candidate.Id, finalists[i].Quality, holm[i], comparisons[i]));
        }

        store.AppendEvent(new FinishedEvent(finalists[0].Candidate.Id, null, null, "budget: synthetic run"));
        store.SetStatus(RunStatus.Finished);
    }

    private static double Score(double quality, Random random) => random.NextDouble() < quality ? 1 : random.NextDouble() < 0.3 ? 0.5 : 0;

    private static Rollout Rollout(Candidate candidate, string caseId, Split split, double quality, Random random, int repeat)
    {
        var score = Score(quality, random);
        // string.GetHashCode is randomized per process, which made the same seed give different feedback texts (and clusters) on every run.
        var cue = Cues[caseId.Aggregate(0u, (hash, c) => unchecked((hash * 31) + c)) % (uint)Cues.Length];
        var feedback = score >= 1 ? "ok" : string.Create(CultureInfo.InvariantCulture,
            $"test_{cue} failed: AssertionError: expected {random.Next(100)} but got {random.Next(100)} for the {cue.Replace('_', ' ')} case");
        return new Rollout
        {
            CandidateId = candidate.Id, CaseId = caseId, Repeat = repeat, Split = split, Output = "def solve(x):\n    return x\n",
            Score = new CaseScore(score, score >= 1, feedback, []), InputTokens = 400 + random.Next(200), OutputTokens = 50 + random.Next(150),
            Latency = TimeSpan.FromMilliseconds(200 + random.Next(1800)), CacheHit = random.NextDouble() < 0.1,
            Error = random.NextDouble() < 0.005 ? "timeout: the sandbox stopped the code after 10 s" : null,
        };
    }
}

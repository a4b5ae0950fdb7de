using System.Globalization;
using Evolve.Core.Compare;
using Evolve.Core.Evaluation;
using Evolve.Core.Runs;
using Evolve.Core.Scoring;
using Evolve.Core.Suites;
using Evolve.Core.Tests.Fakes;
using Evolve.Core.Workspace;
using Microsoft.Extensions.AI;

namespace Evolve.Core.Tests.Compare;

/// <summary>
/// A workspace with an eight-case sum suite <c>calc</c> and its agent, and a scripted model that
/// answers right exactly when the system prompt asks it to compute carefully: so a careful
/// prompt beats the live one on every case, and the outcome does not depend on the simulator.
/// </summary>
internal static class CompareWorkspace
{
    public const string Careful = "Compute carefully and answer with the number only.";

    public const string Live = "Answer with a number.";

    public static TempDirectory Create()
    {
        var dir = new TempDirectory();
        var cases = string.Concat(Enumerable.Range(1, 8).Select(i => $"""
            - id: s{i}
              vars: {"{"} q: "{i}+{i * 2}" {"}"}
              expected: "{i * 3}"
              split: {(i <= 6 ? "holdout" : i == 7 ? "val" : "train")}

            """));
        dir.Write("evals/calc/suite.yaml", "agent: calc\ncases: [cases.yaml]\n");
        dir.Write("evals/calc/cases.yaml", cases);
        dir.Write("prompts/calc/agent.yaml", "name: calc\nsystem: system.sbn\ntask: task.sbn\nsample_vars: { q: \"1+1\" }\n");
        dir.Write("prompts/calc/system.sbn", Live);
        dir.Write("prompts/calc/task.sbn", "{{ q }}");
        dir.Write("careful.sbn", Careful);
        Directory.CreateDirectory(Path.Combine(dir.Path, "runs"));
        return dir;
    }

    public static ScriptedChatClient Model() => new((messages, _) =>
    {
        var careful = messages.Any(m => m.Role == ChatRole.System && m.Text.Contains("carefully", StringComparison.Ordinal));
        var sum = messages.Last(m => m.Role == ChatRole.User).Text.Trim().Split('+').Sum(int.Parse);
        return (careful ? sum : sum + 1).ToString(CultureInfo.InvariantCulture);
    });

    /// <summary>
    /// Careful is right except on s8 (sum 24), where it is right only on repeat 0; live is right
    /// only on s3 and s6 (sums divisible by 9): 5 wins for B, 3 ties, one of them half-passed.
    /// </summary>
    public static ScriptedChatClient MixedModel() => new((messages, options) =>
    {
        var careful = messages.Any(m => m.Role == ChatRole.System && m.Text.Contains("carefully", StringComparison.Ordinal));
        var sum = messages.Last(m => m.Role == ChatRole.User).Text.Trim().Split('+').Sum(int.Parse);
        var repeat = options?.AdditionalProperties?.TryGetValue(Kernel.Providers.ModelRequestKeys.Repeat, out var r) == true ? Convert.ToInt32(r, CultureInfo.InvariantCulture) : 0;
        var right = careful ? sum != 24 || repeat == 0 : sum % 9 == 0;
        return (right ? sum : sum + 1).ToString(CultureInfo.InvariantCulture);
    });

    /// <summary>Dependencies naming the scripted model as the simulator would be named, so the sim line shows in every output.</summary>
    public static EvalDependencies Dependencies(IChatClient client) => new(
        spec => new ModelHandle(client, spec.Uri, $"{spec.Uri} (offline simulator, scores are synthetic)", Simulated: true),
        _ => Task.FromResult(new ScorerHandle(new EqualsScorer(), "none")),
        TimeProvider.System);

    public static CompareJobOptions Options(TempDirectory dir, string a, string b) => new()
    {
        A = a, B = b, Suite = "calc", Model = "sim", Concurrency = 4, WorkingDirectory = dir.Path, Paths = WorkspacePaths.Resolve(dir.Path),
    };

    public static string Runs(TempDirectory dir) => Path.Combine(dir.Path, "runs");

    /// <summary>Writes run <paramref name="id"/> with the given candidates (status, validation score) and returns them.</summary>
    public static IReadOnlyList<Candidate> Run(TempDirectory dir, string id, string kind, params (string System, CandidateStatus Status, double Val)[] candidates)
    {
        using var store = RunStore.Create(Runs(dir), new RunInfo
        {
            Id = id, Kind = kind, Suite = "calc", SuiteHash = "h", Agent = "calc", Model = "sim", Simulated = true, OptionsJson = "{\"budget\":100}",
            StartedAt = DateTimeOffset.UnixEpoch,
        }, TimeProvider.System);
        var made = new List<Candidate>();
        foreach (var (system, status, val) in candidates)
        {
            var candidate = new Candidate(new Dictionary<string, string> { ["system.sbn"] = system, ["task.sbn"] = "{{ q }}" }, @operator: made.Count == 0 ? "seed" : "reflect");
            store.SaveCandidate(candidate, status, new { });
            store.WriteRollouts([new Rollout
            {
                CandidateId = candidate.Id, CaseId = "s7", Repeat = 0, Split = Split.Val, Output = "x", Score = new CaseScore(val, val > 0.5, "", []),
            }]);
            made.Add(candidate);
        }

        store.SetStatus(RunStatus.Finished);
        return made;
    }
}

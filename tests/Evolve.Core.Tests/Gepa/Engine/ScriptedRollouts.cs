using Evolve.Core.Evaluation;
using Evolve.Core.Gepa.Seams;
using Evolve.Core.Scoring;
using Evolve.Core.Suites;

namespace Evolve.Core.Tests.Gepa.Engine;

/// <summary>
/// The rollouts a run has stored, shared by the invocations of one run the way run.db is: a
/// resumed engine finds here what the crashed one finished. Counts how often each key was run.
/// </summary>
internal sealed class RolloutLedger
{
    public Dictionary<(string CandidateId, string CaseId, int Repeat), Rollout> Stored { get; } = [];

    public Dictionary<(string CandidateId, string CaseId, int Repeat), int> Runs { get; } = [];

    /// <summary>Every request of every batch the engine asked for, stored or not, in order.</summary>
    public List<RolloutRequest> Asked { get; } = [];
}

/// <summary>Thrown by a scripted seam to stand for the process being killed at that point.</summary>
internal sealed class SimulatedCrash(string where) : Exception($"simulated crash: {where}");

/// <summary>
/// A rollout runner with scripted scores: <c>score(candidate, case, repeat)</c> decides each
/// rollout, no kernel or model involved. Stored rollouts are reused like RolloutExecutor reuses
/// run.db's; with <paramref name="crashAtCall"/> the batch of that call stores half of its new
/// rollouts and then "dies", as a kill mid-batch would leave it.
/// </summary>
internal sealed class ScriptedRollouts(RolloutLedger ledger, Func<Candidate, EvalCase, int, double> score, int? crashAtCall = null) : IRolloutBatchRunner
{
    public int Calls { get; private set; }

    public Task<IReadOnlyList<Rollout>> RunAsync(IReadOnlyList<RolloutRequest> requests, CancellationToken cancellationToken)
    {
        Calls++;
        ledger.Asked.AddRange(requests);
        var missing = requests.Where(r => !ledger.Stored.ContainsKey(r.Key)).DistinctBy(r => r.Key).ToList();
        var crashing = Calls == crashAtCall;
        foreach (var request in crashing ? missing.Take(missing.Count / 2) : missing)
        {
            ledger.Stored[request.Key] = Make(request);
            ledger.Runs[request.Key] = ledger.Runs.GetValueOrDefault(request.Key) + 1;
        }

        if (crashing)
        {
            throw new SimulatedCrash($"rollout batch {Calls}");
        }

        return Task.FromResult<IReadOnlyList<Rollout>>(requests.Select(r => ledger.Stored[r.Key]).ToList());
    }

    private Rollout Make(RolloutRequest request)
    {
        var value = Math.Clamp(score(request.Candidate, request.Case, request.Repeat), 0, 1);
        var pass = value >= 0.5;
        return new Rollout
        {
            CandidateId = request.Candidate.Id, CaseId = request.Case.Id, Repeat = request.Repeat, Split = request.Case.Split ?? Split.Train,
            Output = $"answer to {request.Case.Id}", Score = new CaseScore(value, pass, pass ? "passed" : $"missed {request.Case.Vars["q"]}", []),
        };
    }
}

using System.Collections.Concurrent;
using Evolve.Core.Runs;

namespace Evolve.Core.Evaluation;

/// <summary>
/// Every rollout a run has stored, in memory, keyed by candidate, case and repeat: what lets an
/// interrupted run, or a second request for the same rollout, reuse it instead of spending again.
/// </summary>
public sealed class RolloutIndex
{
    private readonly ConcurrentDictionary<(string, string, int), Rollout> _rollouts = new();

    /// <summary>Loads every rollout stored in <paramref name="store"/>.</summary>
    public static RolloutIndex Load(RunStore store)
    {
        var index = new RolloutIndex();
        foreach (var rollout in store.LoadRollouts())
        {
            index.Add(rollout);
        }

        return index;
    }

    /// <summary>Rollouts held.</summary>
    public int Count => _rollouts.Count;

    /// <summary>Finds a stored rollout.</summary>
    public bool TryGet((string CandidateId, string CaseId, int Repeat) key, out Rollout rollout) =>
        _rollouts.TryGetValue(key, out rollout!);

    /// <summary>Records a rollout (the first one stored under a key wins, as in the database).</summary>
    public void Add(Rollout rollout) => _rollouts.TryAdd((rollout.CandidateId, rollout.CaseId, rollout.Repeat), rollout);
}

using Evolve.Core.Evaluation;

namespace Evolve.Core.Gepa;

/// <summary>
/// The hard rollout cap. Counts each distinct (candidate, case, repeat) once, in the order the
/// engine asks for them, so a resumed run that replays its stored rollouts makes the same
/// decisions as the run it resumes. Nothing is ever run past the cap.
/// </summary>
public sealed class RolloutBudget(int total, int reserve)
{
    private readonly HashSet<(string, string, int)> _consumed = [];

    /// <summary>The cap.</summary>
    public int Total => total;

    /// <summary>Rollouts held back for the final holdout check.</summary>
    public int Reserve => reserve;

    /// <summary>Distinct rollouts consumed so far.</summary>
    public int Spent => _consumed.Count;

    /// <summary>What the search may still spend (the holdout reserve excluded).</summary>
    public int Available => Math.Max(0, total - reserve - Spent);

    /// <summary>The new rollouts <paramref name="requests"/> would consume.</summary>
    public int Cost(IEnumerable<RolloutRequest> requests) =>
        requests.Select(r => r.Key).Where(k => !_consumed.Contains(k)).Distinct().Count();

    /// <summary>Consumes the requests; throws when that would pass the cap (a planning bug, never user error).</summary>
    public void Consume(IEnumerable<RolloutRequest> requests, bool fromReserve = false)
    {
        var list = requests.ToList();
        var cost = Cost(list);
        var limit = fromReserve ? total - Spent : Available;
        if (cost > limit)
        {
            throw new InvalidOperationException($"budget: {cost} rollouts asked with {limit} left of {total}");
        }

        foreach (var request in list)
        {
            _consumed.Add(request.Key);
        }
    }
}

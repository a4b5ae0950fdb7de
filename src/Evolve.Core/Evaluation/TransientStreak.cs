using Evolve.Kernel;
using Evolve.Kernel.Providers;

namespace Evolve.Core.Evaluation;

/// <summary>
/// Tells an endpoint that is down from cases that fail. The rule: when <see cref="Limit"/> rollouts
/// in a row (in the order they finish) fail with a transient model failure that outlasted the
/// pipeline's retries, the endpoint, not the cases, is at fault, and the run stops as a systemic
/// failure instead of burning the rest of the suite. Any other finished rollout (an answer, or a
/// failure of another kind) ends the streak.
/// </summary>
/// <remarks>
/// Rollouts in a streak are held back rather than stored: if the streak ends, they are released and
/// stored as that case's failures; if it turns systemic, they are dropped, so resuming the run
/// retries those cases instead of keeping failures the outage caused.
/// </remarks>
internal sealed class TransientStreak(int limit)
{
    /// <summary>The default number of transient failures in a row that stops a run.</summary>
    public const int DefaultLimit = 10;

    private readonly Lock _gate = new();
    private readonly List<Rollout> _held = [];
    private int _count;

    /// <summary>Failures in a row that stop the run.</summary>
    public int Limit => limit;

    /// <summary>
    /// Records a finished rollout and returns the rollouts now safe to store (none while a streak
    /// is open). Throws <see cref="SystemicFailureException"/> when this rollout makes the streak reach the limit.
    /// </summary>
    public IReadOnlyList<Rollout> Add(Rollout rollout)
    {
        lock (_gate)
        {
            if (rollout.ModelFailure != ModelCallFailure.Transient)
            {
                _count = 0;
                var released = new List<Rollout>(_held) { rollout };
                _held.Clear();
                return released;
            }

            _held.Add(rollout);
            if (++_count >= limit)
            {
                throw new SystemicFailureException(
                    $"{_count} rollouts in a row failed with transient model errors after retries; the endpoint looks unreachable or overloaded (last: {rollout.Error}). Resume the run when it is back");
            }

            return [];
        }
    }

    /// <summary>
    /// Everything still held, for a batch that ended without the streak turning systemic. The count
    /// goes on, so an outage is still caught when each batch is smaller than the limit (GEPA minibatches).
    /// </summary>
    public IReadOnlyList<Rollout> Drain()
    {
        lock (_gate)
        {
            var held = _held.ToList();
            _held.Clear();
            return held;
        }
    }
}

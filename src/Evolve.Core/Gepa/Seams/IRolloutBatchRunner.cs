using Evolve.Core.Evaluation;

namespace Evolve.Core.Gepa.Seams;

/// <summary>
/// How the engine gets rollouts: one batch of requests in, one rollout per request out, in request
/// order. <see cref="RolloutExecutor"/> is the real one (kernel, scorer, run store, reuse of stored
/// rollouts); engine tests script scores instead.
/// </summary>
public interface IRolloutBatchRunner
{
    /// <summary>One rollout per request, in request order; a request already stored is reused, not run again.</summary>
    Task<IReadOnlyList<Rollout>> RunAsync(IReadOnlyList<RolloutRequest> requests, CancellationToken cancellationToken);
}

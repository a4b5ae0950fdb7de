using Evolve.Core.Runs;

namespace Evolve.Core.Evaluation;

/// <summary>
/// Runs a candidate over cases x repeats with bounded concurrency, storing every rollout as it
/// finishes. Rollouts already in the store are not run again, so an interrupted evaluation resumes.
/// </summary>
public sealed class EvaluationEngine(RunStore store, TimeProvider time)
{
    /// <summary>
    /// Evaluates the plan. Per-case failures become failed rollouts; cancellation and systemic
    /// failures stop the run after storing every rollout that finished.
    /// </summary>
    public async Task<EvaluationSummary> RunAsync(EvaluationPlan plan, EvaluationProgress? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(plan.Concurrency, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(plan.Repeat, 1);
        var started = time.GetTimestamp();
        store.SaveCandidate(plan.Candidate);
        var index = RolloutIndex.Load(store);
        var before = index.Count;
        var executor = RolloutExecutor.Create(store, index, plan.Suite, plan.Model, plan.Scorer, time, plan.Concurrency);
        var requests = RolloutRequest.For(plan.Candidate, plan.Agent, plan.Cases, plan.Repeat, plan.KeepTraces);

        var rollouts = await executor.RunAsync(requests, progress, cancellationToken).ConfigureAwait(false);
        var byCase = rollouts.ToLookup(r => r.CaseId);
        var cases = plan.Cases.Select(c => new CaseResult(c, byCase[c.Id].ToList())).ToList();
        return new EvaluationSummary(rollouts, cases, time.GetElapsedTime(started), index.Count - before);
    }
}

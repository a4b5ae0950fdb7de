using System.Threading.Channels;
using Evolve.Core.Runs;
using Evolve.Core.Suites;

namespace Evolve.Core.Evaluation;

/// <summary>
/// Runs a candidate over cases x repeats with bounded concurrency, storing every rollout as it
/// finishes. Rollouts already in the store are not run again, so an interrupted evaluation resumes.
/// </summary>
public sealed class EvaluationEngine(RunStore store, TimeProvider time)
{
    private const int WriteBatch = 512;

    /// <summary>
    /// Evaluates the plan. Per-case failures become failed rollouts; cancellation and systemic
    /// failures stop the run after storing every rollout that finished.
    /// </summary>
    public async Task<EvaluationSummary> RunAsync(EvaluationPlan plan, EvaluationProgress? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(plan.Concurrency, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(plan.Repeat, 1);
        progress ??= new EvaluationProgress();
        var started = time.GetTimestamp();
        store.SaveCandidate(plan.Candidate);

        var stored = store.LoadRollouts(plan.Candidate.Id)
            .ToDictionary(r => (r.CaseId, r.Repeat));
        var work = plan.Cases
            .SelectMany(c => Enumerable.Range(0, plan.Repeat).Select(rep => (Case: c, Repeat: rep)))
            .Where(w => !stored.ContainsKey((w.Case.Id, w.Repeat)))
            .ToList();
        progress.Total = work.Count;
        progress.Reused = stored.Count;

        var runner = new RolloutRunner(plan, time);
        var channel = Channel.CreateBounded<Rollout>(new BoundedChannelOptions(WriteBatch * 4) { SingleReader = true });
        var writer = Task.Run(() => WriteAllAsync(channel.Reader), CancellationToken.None);
        var fresh = new List<Rollout>(work.Count);
        try
        {
            await Parallel.ForEachAsync(
                work,
                new ParallelOptions { MaxDegreeOfParallelism = plan.Concurrency, CancellationToken = cancellationToken },
                async (item, ct) =>
                {
                    var rollout = await runner.RunAsync(item.Case, item.Repeat, ct).ConfigureAwait(false);
                    progress.Record(rollout);
                    await channel.Writer.WriteAsync(rollout, CancellationToken.None).ConfigureAwait(false);
                }).ConfigureAwait(false);
        }
        finally
        {
            channel.Writer.Complete();
            fresh.AddRange(await writer.ConfigureAwait(false));
        }

        var all = stored.Values.Concat(fresh).ToLookup(r => r.CaseId);
        var cases = plan.Cases
            .Select(c => new CaseResult(c, all[c.Id].OrderBy(r => r.Repeat).ToList()))
            .ToList();
        return new EvaluationSummary(cases.SelectMany(c => c.Rollouts).ToList(), cases, time.GetElapsedTime(started), fresh.Count);
    }

    /// <summary>Drains the channel into the store in batches; one writer keeps SQLite contention-free.</summary>
    private async Task<List<Rollout>> WriteAllAsync(ChannelReader<Rollout> reader)
    {
        var all = new List<Rollout>();
        var batch = new List<Rollout>(WriteBatch);
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < WriteBatch && reader.TryRead(out var rollout))
            {
                batch.Add(rollout);
            }

            store.WriteRollouts(batch);
            all.AddRange(batch);
            batch.Clear();
        }

        return all;
    }
}

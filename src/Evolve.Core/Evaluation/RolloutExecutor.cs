using System.Threading.Channels;
using Evolve.Core.Runs;

namespace Evolve.Core.Evaluation;

/// <summary>
/// Runs a batch of rollout requests, possibly for many candidates, as one concurrent batch with a
/// bound on rollouts in flight. Requests already stored are reused; new rollouts are written to
/// the run store in batches by a single writer as they finish, so a kill loses at most what was in flight.
/// Transient model failures pass through a <see cref="TransientStreak"/> first, which stops the batch
/// when the endpoint, rather than the cases, is failing.
/// <paramref name="overall"/>, when given, counts every rollout this executor runs across all its batches (a run's progress line).
/// </summary>
public sealed class RolloutExecutor(RunStore store, RolloutIndex index, RolloutRunner runner, int concurrency, EvaluationProgress? overall = null)
{
    private const int WriteBatch = 512;
    private readonly TransientStreak _streak = new(TransientStreak.DefaultLimit);

    /// <summary>Returns one rollout per request, in request order. Duplicated requests run once.</summary>
    public async Task<IReadOnlyList<Rollout>> RunAsync(IReadOnlyList<RolloutRequest> requests, EvaluationProgress? progress = null, CancellationToken cancellationToken = default)
    {
        var missing = requests.Where(r => !index.TryGet(r.Key, out _)).DistinctBy(r => r.Key).ToList();
        if (progress is not null)
        {
            progress.Total = missing.Count;
            progress.Reused = requests.Count - missing.Count;
        }

        var channel = Channel.CreateBounded<Rollout>(new BoundedChannelOptions(WriteBatch * 4) { SingleReader = true });
        var writer = Task.Run(() => WriteAllAsync(channel.Reader), CancellationToken.None);
        try
        {
            await Parallel.ForEachAsync(
                missing,
                new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
                async (request, ct) =>
                {
                    var rollout = await runner.RunAsync(request, ct).ConfigureAwait(false);
                    progress?.Record(rollout);
                    overall?.Record(rollout);
                    foreach (var ready in _streak.Add(rollout))
                    {
                        await channel.Writer.WriteAsync(ready, CancellationToken.None).ConfigureAwait(false);
                    }
                }).ConfigureAwait(false);

            // The batch ended without an outage: rollouts still held are ordinary per-case failures.
            foreach (var held in _streak.Drain())
            {
                await channel.Writer.WriteAsync(held, CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            channel.Writer.Complete();
            await writer.ConfigureAwait(false);
        }

        return requests.Select(r => index.TryGet(r.Key, out var rollout) ? rollout : throw new InvalidOperationException($"rollout {r.Key} was not stored")).ToList();
    }

    /// <summary>Drains the channel into the store in batches, then into the index, so the index never holds an unstored rollout.</summary>
    private async Task WriteAllAsync(ChannelReader<Rollout> reader)
    {
        var batch = new List<Rollout>(WriteBatch);
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < WriteBatch && reader.TryRead(out var rollout))
            {
                batch.Add(rollout);
            }

            store.WriteRollouts(batch);
            batch.ForEach(index.Add);
            batch.Clear();
        }
    }
}

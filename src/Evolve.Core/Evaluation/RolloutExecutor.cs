using System.Threading.Channels;
using Evolve.Core.Runs;
using Evolve.Core.Scoring;
using Evolve.Core.Suites;
using Microsoft.Extensions.AI;

namespace Evolve.Core.Evaluation;

/// <summary>
/// Runs a batch of rollout requests, possibly for many candidates, as one concurrent batch with a
/// bound on rollouts in flight. Requests already stored are reused; new rollouts are written to
/// the run store in batches by a single writer as they finish, so a kill loses at most what was in flight.
/// Transient model failures pass through a <see cref="TransientStreak"/> first, which stops the batch
/// when the endpoint, rather than the cases, is failing.
/// </summary>
public sealed class RolloutExecutor : Gepa.Seams.IRolloutBatchRunner
{
    private const int WriteBatch = 512;
    private readonly TransientStreak _streak = new(TransientStreak.DefaultLimit);
    private readonly RunStore _store;
    private readonly RolloutIndex _index;
    private readonly RolloutRunner _runner;
    private readonly int _concurrency;
    private readonly EvaluationProgress? _overall;

    private RolloutExecutor(RunStore store, RolloutIndex index, RolloutRunner runner, int concurrency, EvaluationProgress? overall)
    {
        _overall = overall;
        _store = store;
        _index = index;
        _runner = runner;
        _concurrency = concurrency;
    }

    /// <summary>
    /// The rollout pipeline every job uses: render, call <paramref name="model"/>, score with
    /// <paramref name="scorer"/>, store in <paramref name="store"/>, at most <paramref name="concurrency"/> in flight.
    /// </summary>
    /// <param name="store">Where rollouts are written.</param>
    /// <param name="index">The rollouts already stored, reused instead of run again; it grows as rollouts finish.</param>
    /// <param name="suite">The suite, for its default assertions.</param>
    /// <param name="model">The task model pipeline.</param>
    /// <param name="scorer">The scorer.</param>
    /// <param name="time">The clock.</param>
    /// <param name="concurrency">Rollouts in flight at most; at least 1.</param>
    /// <param name="overall">When given, counts every rollout this executor runs across all its batches (a run's progress line).</param>
    public static RolloutExecutor Create(RunStore store, RolloutIndex index, Suite suite, IChatClient model, ICaseScorer scorer, TimeProvider time, int concurrency, EvaluationProgress? overall = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        return new RolloutExecutor(store, index, new RolloutRunner(suite, model, scorer, time), concurrency, overall);
    }

    /// <inheritdoc/>
    Task<IReadOnlyList<Rollout>> Gepa.Seams.IRolloutBatchRunner.RunAsync(IReadOnlyList<RolloutRequest> requests, CancellationToken cancellationToken) =>
        RunAsync(requests, null, cancellationToken);

    /// <summary>Returns one rollout per request, in request order. Duplicated requests run once.</summary>
    public async Task<IReadOnlyList<Rollout>> RunAsync(IReadOnlyList<RolloutRequest> requests, EvaluationProgress? progress = null, CancellationToken cancellationToken = default)
    {
        var missing = requests.Where(r => !_index.TryGet(r.Key, out _)).DistinctBy(r => r.Key).ToList();
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
                new ParallelOptions { MaxDegreeOfParallelism = _concurrency, CancellationToken = cancellationToken },
                async (request, ct) =>
                {
                    var rollout = await _runner.RunAsync(request, ct).ConfigureAwait(false);
                    progress?.Record(rollout);
                    _overall?.Record(rollout);
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

        return requests.Select(r => _index.TryGet(r.Key, out var rollout) ? rollout : throw new InvalidOperationException($"rollout {r.Key} was not stored")).ToList();
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

            _store.WriteRollouts(batch);
            batch.ForEach(_index.Add);
            batch.Clear();
        }
    }
}

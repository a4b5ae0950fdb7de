namespace Evolve.Core.Gepa.Search;

/// <summary>
/// Deterministic, stateless minibatches over the train case ids. The ids (sorted ordinally, so the
/// caller's order does not matter) form an infinite sequence: epoch 0 shuffled by a generator seeded
/// from (seed, 0), then epoch 1 from (seed, 1), and so on. Draw k is positions [k*size, (k+1)*size)
/// of that sequence, so every id is used once per epoch and a resumed run, knowing only the draw
/// index, gets exactly the batches it would have got.
/// </summary>
/// <remarks>
/// A batch that straddles an epoch boundary can hold the same id twice (once from each epoch); this
/// keeps the every-id-once-per-epoch guarantee exact, which matters more than the rare repeat.
/// </remarks>
public sealed class MinibatchSampler
{
    private readonly string[] _ids;
    private readonly int _seed;

    /// <summary>Creates the sampler.</summary>
    /// <param name="trainIds">The train case ids; at least one, no duplicates.</param>
    /// <param name="seed">The run seed.</param>
    public MinibatchSampler(IEnumerable<string> trainIds, int seed)
    {
        ArgumentNullException.ThrowIfNull(trainIds);
        _ids = trainIds.Order(StringComparer.Ordinal).ToArray();
        if (_ids.Length == 0)
        {
            throw new ArgumentException("at least one train case id is needed", nameof(trainIds));
        }

        if (_ids.Distinct(StringComparer.Ordinal).Count() != _ids.Length)
        {
            throw new ArgumentException("train case ids must be unique", nameof(trainIds));
        }

        _seed = seed;
    }

    /// <summary>Number of train ids (one epoch).</summary>
    public int Count => _ids.Length;

    /// <summary>The minibatch for draw <paramref name="drawIndex"/> (0-based).</summary>
    /// <param name="drawIndex">Which draw; the engine persists the next index to resume.</param>
    /// <param name="size">Batch size, at least 1; capped at <see cref="Count"/>.</param>
    public IReadOnlyList<string> Take(long drawIndex, int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(drawIndex);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        size = Math.Min(size, _ids.Length);

        var batch = new List<string>(size);
        var position = drawIndex * size;
        long epoch = -1;
        string[] order = [];
        for (var i = 0; i < size; i++, position++)
        {
            var positionEpoch = position / _ids.Length;
            if (positionEpoch != epoch)
            {
                epoch = positionEpoch;
                order = Shuffled(epoch);
            }

            batch.Add(order[position % _ids.Length]);
        }

        return batch;
    }

    /// <summary>The shuffled order of one epoch: every train id exactly once.</summary>
    public IReadOnlyList<string> Epoch(long epoch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        return Shuffled(epoch);
    }

    private string[] Shuffled(long epoch)
    {
        var order = (string[])_ids.Clone();
        new Random(EpochSeed(_seed, epoch)).Shuffle(order);
        return order;
    }

    /// <summary>
    /// Mixes (seed, epoch) into one generator seed with SplitMix64's finalizer; string.GetHashCode and
    /// HashCode are randomized per process and would break reproducibility across runs.
    /// </summary>
    internal static int EpochSeed(int seed, long epoch)
    {
        unchecked
        {
            var z = ((ulong)(uint)seed << 32) ^ (ulong)epoch;
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (int)(z & 0x7FFFFFFF);
        }
    }
}

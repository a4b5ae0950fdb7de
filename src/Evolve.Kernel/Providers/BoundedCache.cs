using System.Collections.Concurrent;

namespace Evolve.Kernel.Providers;

/// <summary>
/// A lock-free memo for values that are costly to derive but keyed by few distinct keys (system
/// prompts, cue lists, corrupted answers). When it grows past its capacity it starts over rather
/// than tracking recency: the working set of a run is small, and a clear is cheaper than LRU
/// bookkeeping on every hit.
/// </summary>
internal sealed class BoundedCache<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _entries;
    private readonly int _capacity;

    public BoundedCache(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _entries = new ConcurrentDictionary<TKey, TValue>(comparer);
    }

    public int Count => _entries.Count;

    public TValue GetOrAdd<TState>(TKey key, Func<TKey, TState, TValue> factory, TState state)
    {
        if (_entries.TryGetValue(key, out var value))
        {
            return value;
        }

        value = factory(key, state);
        if (_entries.Count >= _capacity)
        {
            _entries.Clear();
        }

        _entries.TryAdd(key, value);
        return value;
    }
}

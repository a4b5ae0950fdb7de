using System.Collections.Concurrent;

namespace Evolve.Kernel.Providers.Usage;

/// <summary>
/// Running totals of calls and tokens per model, written by <see cref="UsageAccountingChatClient"/>
/// from any number of threads and read by the run (budgets, reports). Recording is lock-free.
/// </summary>
public sealed class UsageLedger
{
    private readonly ConcurrentDictionary<string, Counter> _models = new(StringComparer.Ordinal);

    /// <summary>Records one answered request.</summary>
    /// <param name="model">The model id (for example <c>sim</c> or <c>openai:gpt-4.1-mini</c>).</param>
    /// <param name="inputTokens">Input tokens; ignored for cache hits.</param>
    /// <param name="outputTokens">Output tokens; ignored for cache hits.</param>
    /// <param name="cacheHit">Whether the response came from the cache.</param>
    public void Record(string model, long inputTokens, long outputTokens, bool cacheHit)
    {
        ArgumentNullException.ThrowIfNull(model);
        var counter = _models.GetOrAdd(model, static _ => new Counter());
        Interlocked.Increment(ref counter.Calls);
        if (cacheHit)
        {
            Interlocked.Increment(ref counter.CacheHits);
            return;
        }

        Interlocked.Add(ref counter.InputTokens, inputTokens);
        Interlocked.Add(ref counter.OutputTokens, outputTokens);
    }

    /// <summary>Totals over every model.</summary>
    public UsageTotals Total => _models.Values.Aggregate(UsageTotals.Zero, (sum, c) => sum + c.Snapshot());

    /// <summary>Totals for one model, or zero when it was never called.</summary>
    public UsageTotals For(string model) =>
        _models.TryGetValue(model, out var counter) ? counter.Snapshot() : UsageTotals.Zero;

    /// <summary>Totals per model, ordered by model id.</summary>
    public IReadOnlyDictionary<string, UsageTotals> ByModel() =>
        new SortedDictionary<string, UsageTotals>(_models.ToDictionary(p => p.Key, p => p.Value.Snapshot()), StringComparer.Ordinal);

    private sealed class Counter
    {
#pragma warning disable SA1401, CA1051 // Fields on purpose: Interlocked needs them by reference.
        public long Calls;
        public long CacheHits;
        public long InputTokens;
        public long OutputTokens;
#pragma warning restore SA1401, CA1051

        public UsageTotals Snapshot() => new(
            Interlocked.Read(ref Calls),
            Interlocked.Read(ref CacheHits),
            Interlocked.Read(ref InputTokens),
            Interlocked.Read(ref OutputTokens));
    }
}

using System.Collections.Concurrent;

namespace Evolve.Kernel.Providers.Usage;

/// <summary>
/// Running totals of calls, tokens and cost per model, written by the usage decorators from any
/// number of threads and read by the run (budgets, reports). Recording is lock-free.
/// </summary>
/// <remarks>
/// The counting rule: every attempt counts once in <see cref="UsageTotals.Calls"/>. An answered
/// call adds the tokens and cost of the usage its response reports (billed by the server); a cache
/// hit adds a call and a hit but no tokens and no cost; an attempt that failed (and so returned no
/// usage) adds a call and a failed attempt but no tokens and no cost. A call retried twice and then
/// answered is therefore three calls, two failed attempts and the answer's tokens.
/// </remarks>
public sealed class UsageLedger
{
    private const decimal NanosPerDollar = 1_000_000_000m;
    private readonly ConcurrentDictionary<string, Counter> _models = new(StringComparer.Ordinal);

    /// <summary>Records one answered request.</summary>
    /// <param name="model">The model id (for example <c>sim</c> or <c>openai:gpt-4.1-mini</c>).</param>
    /// <param name="inputTokens">Input tokens; ignored for cache hits.</param>
    /// <param name="outputTokens">Output tokens; ignored for cache hits.</param>
    /// <param name="cacheHit">Whether the response came from the cache.</param>
    /// <param name="cost">US dollars for the tokens, or null when the model's price is unknown; ignored for cache hits.</param>
    public void Record(string model, long inputTokens, long outputTokens, bool cacheHit, decimal? cost = 0)
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
        if (cost is { } dollars)
        {
            Interlocked.Add(ref counter.CostNanos, (long)Math.Round(dollars * NanosPerDollar));
        }
        else
        {
            Interlocked.Increment(ref counter.Unpriced);
        }
    }

    /// <summary>Records an attempt that failed before the server reported usage: a call, no tokens, no cost.</summary>
    public void RecordFailedAttempt(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var counter = _models.GetOrAdd(model, static _ => new Counter());
        Interlocked.Increment(ref counter.Calls);
        Interlocked.Increment(ref counter.Failed);
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
        public long Failed;
        public long CostNanos;
        public long Unpriced;
#pragma warning restore SA1401, CA1051

        public UsageTotals Snapshot() => new(
            Interlocked.Read(ref Calls),
            Interlocked.Read(ref CacheHits),
            Interlocked.Read(ref InputTokens),
            Interlocked.Read(ref OutputTokens))
        {
            FailedAttempts = Interlocked.Read(ref Failed),
            Cost = Interlocked.Read(ref CostNanos) / NanosPerDollar,
            UnpricedCalls = Interlocked.Read(ref Unpriced),
        };
    }
}

namespace Evolve.Kernel.Providers.Usage;

/// <summary>Calls, tokens and cost spent, for one model or in total.</summary>
/// <param name="Calls">Requests answered (cache hits included) plus failed attempts, retries included.</param>
/// <param name="CacheHits">Requests answered from the response cache; their tokens and cost are not counted.</param>
/// <param name="InputTokens">Input (prompt) tokens of the requests that reached the model.</param>
/// <param name="OutputTokens">Output (completion) tokens of the requests that reached the model.</param>
public sealed record UsageTotals(long Calls, long CacheHits, long InputTokens, long OutputTokens)
{
    /// <summary>Nothing spent.</summary>
    public static UsageTotals Zero { get; } = new(0, 0, 0, 0);

    /// <summary>Attempts that failed without returning usage (counted in <see cref="Calls"/>, with no tokens).</summary>
    public long FailedAttempts { get; init; }

    /// <summary>US dollars by the price table; 0 for free models and for models whose price is unknown.</summary>
    public decimal Cost { get; init; }

    /// <summary>Answered calls whose model has no price in the table, so <see cref="Cost"/> leaves them out.</summary>
    public long UnpricedCalls { get; init; }

    /// <summary>Input plus output tokens.</summary>
    public long TotalTokens => InputTokens + OutputTokens;

    /// <summary>Adds two totals.</summary>
    public static UsageTotals operator +(UsageTotals left, UsageTotals right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(left.Calls + right.Calls, left.CacheHits + right.CacheHits, left.InputTokens + right.InputTokens, left.OutputTokens + right.OutputTokens)
        {
            FailedAttempts = left.FailedAttempts + right.FailedAttempts,
            Cost = left.Cost + right.Cost,
            UnpricedCalls = left.UnpricedCalls + right.UnpricedCalls,
        };
    }

    /// <summary>What was spent between two readings of the same ledger (<paramref name="left"/> the later).</summary>
    public static UsageTotals operator -(UsageTotals left, UsageTotals right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(left.Calls - right.Calls, left.CacheHits - right.CacheHits, left.InputTokens - right.InputTokens, left.OutputTokens - right.OutputTokens)
        {
            FailedAttempts = left.FailedAttempts - right.FailedAttempts,
            Cost = left.Cost - right.Cost,
            UnpricedCalls = left.UnpricedCalls - right.UnpricedCalls,
        };
    }

    /// <summary>Same as <c>+</c>, for languages without operators.</summary>
    public static UsageTotals Add(UsageTotals left, UsageTotals right) => left + right;

    /// <summary>Same as <c>-</c>, for languages without operators.</summary>
    public static UsageTotals Subtract(UsageTotals left, UsageTotals right) => left - right;
}

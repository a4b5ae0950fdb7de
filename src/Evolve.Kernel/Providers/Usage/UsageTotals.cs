namespace Evolve.Kernel.Providers.Usage;

/// <summary>Calls and tokens spent, for one model or in total.</summary>
/// <param name="Calls">Requests answered, cache hits included.</param>
/// <param name="CacheHits">Requests answered from the response cache; their tokens are not counted.</param>
/// <param name="InputTokens">Input (prompt) tokens of the requests that reached the model.</param>
/// <param name="OutputTokens">Output (completion) tokens of the requests that reached the model.</param>
public sealed record UsageTotals(long Calls, long CacheHits, long InputTokens, long OutputTokens)
{
    /// <summary>Nothing spent.</summary>
    public static UsageTotals Zero { get; } = new(0, 0, 0, 0);

    /// <summary>Input plus output tokens.</summary>
    public long TotalTokens => InputTokens + OutputTokens;

    /// <summary>Adds two totals.</summary>
    public static UsageTotals operator +(UsageTotals left, UsageTotals right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(left.Calls + right.Calls, left.CacheHits + right.CacheHits, left.InputTokens + right.InputTokens, left.OutputTokens + right.OutputTokens);
    }

    /// <summary>Same as <c>+</c>, for languages without operators.</summary>
    public static UsageTotals Add(UsageTotals left, UsageTotals right) => left + right;
}

using Evolve.Kernel;

namespace Evolve.Core.Evaluation;

/// <summary>
/// How model calls are paced, bounded, retried, cached and priced: the command line's
/// <c>--rpm --tpm --timeout --retries --cache-ttl --no-cache --prices</c>. Null means the pipeline's default.
/// </summary>
public sealed record ModelCallSettings
{
    /// <summary>Requests per minute to a real provider; default no limit.</summary>
    public int? RequestsPerMinute { get; init; }

    /// <summary>Tokens per minute to a real provider; default no limit.</summary>
    public long? TokensPerMinute { get; init; }

    /// <summary>Wall time per attempt; default 120 s.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Attempts per call, the first included; default 6.</summary>
    public int? MaxAttempts { get; init; }

    /// <summary>How long cached responses live; default until the cache file is deleted.</summary>
    public TimeSpan? CacheTimeToLive { get; init; }

    /// <summary>True turns the response cache off (<c>--no-cache</c>).</summary>
    public bool NoCache { get; init; }

    /// <summary>A prices.yaml (or evolve.yaml with a <c>prices:</c> section) extending the built-in list prices.</summary>
    public string? PricesFile { get; init; }

    /// <summary>Every problem, as input errors naming the flag.</summary>
    public IEnumerable<InputError> Problems()
    {
        if (RequestsPerMinute is < 1 or > 1_000_000)
        {
            yield return new InputError("--rpm", null, null, $"must be between 1 and 1000000, not {RequestsPerMinute}");
        }

        if (TokensPerMinute is < 1)
        {
            yield return new InputError("--tpm", null, null, $"must be at least 1, not {TokensPerMinute}");
        }

        if (Timeout is { } timeout && (timeout <= TimeSpan.Zero || timeout > TimeSpan.FromHours(1)))
        {
            yield return new InputError("--timeout", null, null, $"must be more than 0 and at most 1h, not {timeout}");
        }

        if (MaxAttempts is < 1 or > 100)
        {
            yield return new InputError("--retries", null, null, $"attempts must be between 1 and 100, not {MaxAttempts}");
        }

        if (CacheTimeToLive is { } ttl && ttl <= TimeSpan.Zero)
        {
            yield return new InputError("--cache-ttl", null, null, $"must be positive, not {ttl}");
        }

        if (PricesFile is not null && !File.Exists(PricesFile))
        {
            yield return new InputError(PricesFile, null, "--prices", "file not found");
        }
    }
}

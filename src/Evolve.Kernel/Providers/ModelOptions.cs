using Evolve.Kernel.Providers.Configuration;
using Evolve.Kernel.Providers.Resilience;
using Evolve.Kernel.Providers.Usage;
using Microsoft.Extensions.Caching.Distributed;

namespace Evolve.Kernel.Providers;

/// <summary>Everything a model pipeline needs besides its URI. Defaults suit a CLI run.</summary>
public sealed class ModelOptions
{
    /// <summary>The default response-cache file, relative to the working directory.</summary>
    public const string DefaultCachePath = "runs/.cache/responses.db";

    /// <summary>The default per-attempt timeout.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Where calls, tokens and cost are recorded; default a fresh ledger the caller can read back.</summary>
    public UsageLedger Usage { get; init; } = new();

    /// <summary>The clock for simulated latency, cache expiry, backoff, rate limits and timeouts; default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The response cache to use when caching is on. When null, a <see cref="Caching.SqliteResponseCache"/> at <see cref="CachePath"/> is opened.</summary>
    public IDistributedCache? Cache { get; init; }

    /// <summary>The SQLite response-cache file; default <see cref="DefaultCachePath"/>.</summary>
    public string CachePath { get; init; } = DefaultCachePath;

    /// <summary>How long cached responses live; default null (until the file is deleted).</summary>
    public TimeSpan? CacheTimeToLive { get; init; }

    /// <summary>False turns the response cache off whatever the URI says (<c>--no-cache</c>); default true (the URI's <c>cache=</c>, else on for real providers).</summary>
    public bool CacheEnabled { get; init; } = true;

    /// <summary>Prices for cost accounting; default <see cref="PriceTable.BuiltIn"/> (list prices that may be out of date).</summary>
    public PriceTable Prices { get; init; } = PriceTable.BuiltIn;

    /// <summary>Requests per minute sent to a real provider, or null for no limit (default).</summary>
    public int? RequestsPerMinute { get; init; }

    /// <summary>Tokens (prompt estimate plus maximum output, settled to real usage) per minute, or null for no limit (default).</summary>
    public long? TokensPerMinute { get; init; }

    /// <summary>How transient failures of a real provider are retried; default <see cref="RetryOptions"/>' defaults (6 attempts).</summary>
    public RetryOptions Retry { get; init; } = new();

    /// <summary>Wall time allowed per attempt of a real provider; default <see cref="DefaultTimeout"/>.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>Randomness for retry jitter; default seeded with 0 so a run is reproducible.</summary>
    public Random Random { get; init; } = new(0);

    /// <summary>The workspace's <c>evolve.yaml</c> (endpoints, key variables, timeouts); default <see cref="WorkspaceModelConfig.Empty"/>.</summary>
    public WorkspaceModelConfig Workspace { get; init; } = WorkspaceModelConfig.Empty;

    /// <summary>
    /// The simulator's oracles, looked up by the case id a request names; default null (a simulator
    /// that answers no case, only reflection prompts). Real providers ignore it.
    /// </summary>
    public Sim.SimOracleLookup? SimOracles { get; init; }

    /// <summary>Reads an environment variable; default the process environment. Tests inject a dictionary.</summary>
    public Func<string, string?> EnvironmentVariables { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>Every problem with these options, empty when valid (checked once by <see cref="ModelFactory.Create"/>).</summary>
    public IEnumerable<string> Problems()
    {
        if (RequestsPerMinute is < 1)
        {
            yield return $"requests per minute must be at least 1, not {RequestsPerMinute}";
        }

        if (TokensPerMinute is < 1)
        {
            yield return $"tokens per minute must be at least 1, not {TokensPerMinute}";
        }

        if (Timeout <= TimeSpan.Zero)
        {
            yield return $"the timeout must be positive, not {Timeout}";
        }

        if (CacheTimeToLive is { } ttl && ttl <= TimeSpan.Zero)
        {
            yield return $"the cache time-to-live must be positive, not {ttl}";
        }

        foreach (var problem in Retry.Problems())
        {
            yield return problem;
        }
    }
}

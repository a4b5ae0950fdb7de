using Evolve.Kernel.Providers.Configuration;
using Evolve.Kernel.Providers.Usage;
using Microsoft.Extensions.Caching.Distributed;

namespace Evolve.Kernel.Providers;

/// <summary>Everything a model pipeline needs besides its URI. Defaults suit a CLI run.</summary>
public sealed class ModelOptions
{
    /// <summary>The default response-cache file, relative to the working directory.</summary>
    public const string DefaultCachePath = "runs/.cache/responses.db";

    /// <summary>Where calls and tokens are recorded; default a fresh ledger the caller can read back.</summary>
    public UsageLedger Usage { get; init; } = new();

    /// <summary>The clock for simulated latency and cache expiry; default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// The response cache to use when caching is on. When null, a <see cref="Caching.SqliteResponseCache"/>
    /// at <see cref="CachePath"/> is opened.
    /// </summary>
    public IDistributedCache? Cache { get; init; }

    /// <summary>The SQLite response-cache file; default <see cref="DefaultCachePath"/>.</summary>
    public string CachePath { get; init; } = DefaultCachePath;

    /// <summary>How long cached responses live; default null (until the file is deleted).</summary>
    public TimeSpan? CacheTimeToLive { get; init; }

    /// <summary>The workspace's <c>evolve.yaml</c> (endpoints, key variables, timeouts); default <see cref="WorkspaceModelConfig.Empty"/>.</summary>
    public WorkspaceModelConfig Workspace { get; init; } = WorkspaceModelConfig.Empty;

    /// <summary>Reads an environment variable; default the process environment. Tests inject a dictionary.</summary>
    public Func<string, string?> EnvironmentVariables { get; init; } = Environment.GetEnvironmentVariable;
}

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Caching.Distributed;

namespace Evolve.Kernel.Providers.Caching;

/// <summary>
/// An <see cref="IDistributedCache"/> in one SQLite file (WAL, table <c>entries</c>: key, value,
/// expiry), shared safely by concurrent callers and by several processes. Entries expire by
/// absolute or sliding time measured on the injected <see cref="TimeProvider"/>; entries written
/// without options live for the default time to live (forever when none is given).
/// </summary>
public sealed partial class SqliteResponseCache : IDistributedCache
{
    private readonly string _connectionString;
    private readonly TimeSpan? _defaultTimeToLive;
    private readonly TimeProvider _time;

    /// <summary>Opens or creates the cache file at <paramref name="path"/>, creating its directory if needed.</summary>
    /// <param name="path">The SQLite file.</param>
    /// <param name="defaultTimeToLive">Lifetime of entries written without expiration options; null keeps them until removed.</param>
    /// <param name="timeProvider">The clock for expiry; default <see cref="TimeProvider.System"/>.</param>
    public SqliteResponseCache(string path, TimeSpan? defaultTimeToLive = null, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (defaultTimeToLive is { } ttl)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero, nameof(defaultTimeToLive));
        }

        Path = System.IO.Path.GetFullPath(path);
        _defaultTimeToLive = defaultTimeToLive;
        _time = timeProvider ?? TimeProvider.System;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        Initialize();
    }

    /// <summary>The full path of the cache file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    /// <inheritdoc />
    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) =>
        SetAsync(key, value, options).GetAwaiter().GetResult();

    /// <inheritdoc />
    public void Refresh(string key) => RefreshAsync(key).GetAwaiter().GetResult();

    /// <inheritdoc />
    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    /// <inheritdoc />
    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await ExecuteAsync("DELETE FROM entries WHERE key = $key", token, ("$key", key)).ConfigureAwait(false);
    }

    /// <summary>Deletes every expired entry; returns how many were removed.</summary>
    public Task<int> PurgeExpiredAsync(CancellationToken cancellationToken = default) =>
        ExecuteAsync("DELETE FROM entries WHERE expires IS NOT NULL AND expires <= $now", cancellationToken, ("$now", Now()));

    private void Initialize()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS entries (
                key      TEXT    NOT NULL PRIMARY KEY,
                value    BLOB    NOT NULL,
                expires  INTEGER NULL,
                absolute INTEGER NULL,
                sliding  INTEGER NULL
            ) WITHOUT ROWID;
            """;
        command.ExecuteNonQuery();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = Open();
        return await ExecuteAsync(connection, sql, cancellationToken, parameters).ConfigureAwait(false);
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

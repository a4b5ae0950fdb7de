using Microsoft.Extensions.Caching.Distributed;

namespace Evolve.Kernel.Providers.Caching;

/// <summary>Reading, writing and refreshing entries, with expiry.</summary>
public sealed partial class SqliteResponseCache
{
    /// <inheritdoc />
    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = Now();
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value, expires, absolute, sliding FROM entries WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        byte[] value;
        long? absolute, sliding;
        await using (var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(token).ConfigureAwait(false))
            {
                return null;
            }

            if (!reader.IsDBNull(1) && reader.GetInt64(1) <= now)
            {
                await reader.DisposeAsync().ConfigureAwait(false);
                await ExecuteAsync(connection, "DELETE FROM entries WHERE key = $key AND expires <= $now", token, ("$key", key), ("$now", now)).ConfigureAwait(false);
                return null;
            }

            value = (byte[])reader.GetValue(0);
            absolute = reader.IsDBNull(2) ? null : reader.GetInt64(2);
            sliding = reader.IsDBNull(3) ? null : reader.GetInt64(3);
        }

        if (sliding is not null)
        {
            // On the connection already open: a hit costs one connection, not two.
            await ExecuteAsync(
                connection,
                "UPDATE entries SET expires = $expires WHERE key = $key",
                token,
                ("$key", key),
                ("$expires", Expiry(now, absolute, sliding))).ConfigureAwait(false);
        }

        return value;
    }

    /// <inheritdoc />
    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        var now = Now();
        long? absolute = options.AbsoluteExpiration?.ToUnixTimeMilliseconds()
            ?? (options.AbsoluteExpirationRelativeToNow is { } relative ? now + (long)relative.TotalMilliseconds : null);
        long? sliding = options.SlidingExpiration is { } window ? (long)window.TotalMilliseconds : null;
        if (absolute is null && sliding is null && _defaultTimeToLive is { } ttl)
        {
            absolute = now + (long)ttl.TotalMilliseconds;
        }

        await ExecuteAsync(
            """
            INSERT INTO entries (key, value, expires, absolute, sliding) VALUES ($key, $value, $expires, $absolute, $sliding)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires = excluded.expires,
                absolute = excluded.absolute, sliding = excluded.sliding
            """,
            token,
            ("$key", key),
            ("$value", value),
            ("$expires", Expiry(now, absolute, sliding)),
            ("$absolute", absolute),
            ("$sliding", sliding)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task RefreshAsync(string key, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await ExecuteAsync(
            """
            UPDATE entries SET expires = MIN(COALESCE(absolute, 9223372036854775807), $now + sliding)
            WHERE key = $key AND sliding IS NOT NULL AND (expires IS NULL OR expires > $now)
            """,
            token,
            ("$key", key),
            ("$now", Now())).ConfigureAwait(false);
    }

    /// <summary>When an entry used at <paramref name="now"/> expires: a sliding window never outlives the absolute limit.</summary>
    private static long? Expiry(long now, long? absolute, long? sliding) =>
        sliding is long window ? Math.Min(now + window, absolute ?? long.MaxValue) : absolute;
}

using Microsoft.Data.Sqlite;

namespace Evolve.Kernel.Agents.Sessions;

/// <summary>
/// Retries an operation that found the database locked by another writer, with exponential
/// backoff and random jitter so that competing writers stop colliding in step.
/// </summary>
internal sealed class SqliteBusyRetry(int maxAttempts, TimeSpan baseDelay, Random random, Func<TimeSpan, CancellationToken, Task> delay)
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static bool IsBusy(SqliteException error) =>
        (error.SqliteErrorCode & 0xFF) is SqliteBusy or SqliteLocked;

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await operation(cancellationToken).ConfigureAwait(false);
            }
            catch (SqliteException error) when (IsBusy(error) && attempt < maxAttempts)
            {
                await delay(DelayFor(attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Base delay times 2^(attempt-1), plus up to the same again of jitter.</summary>
    public TimeSpan DelayFor(int attempt)
    {
        var backoff = baseDelay * Math.Pow(2, attempt - 1);
        double jitter;
        lock (random)
        {
            jitter = random.NextDouble();
        }

        return backoff + (backoff * jitter);
    }
}

using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Evolve.Kernel.Agents.Sessions;

/// <summary>
/// Agent sessions and their messages in one SQLite file (WAL), with FTS5 search over message
/// content, tool names and tool calls. Safe for concurrent callers and processes: writes that
/// find the database busy are retried with jittered backoff.
/// </summary>
public sealed partial class SessionStore
{
    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly SqliteBusyRetry _retry;

    /// <summary>Opens or creates the store at <paramref name="path"/>, creating its directory if needed.</summary>
    /// <param name="path">The SQLite file.</param>
    /// <param name="options">Busy timeout and retry settings; see <see cref="SessionStoreOptions"/> for defaults.</param>
    /// <param name="timeProvider">The clock for session and message times; default <see cref="TimeProvider.System"/>.</param>
    /// <param name="random">The source of retry jitter; default seeded with the process id, so processes differ.</param>
    public SessionStore(string path, SessionStoreOptions? options = null, TimeProvider? timeProvider = null, Random? random = null)
        : this(path, options, timeProvider, random, delay: null)
    {
    }

    internal SessionStore(string path, SessionStoreOptions? options, TimeProvider? timeProvider, Random? random, Func<TimeSpan, CancellationToken, Task>? delay)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= new SessionStoreOptions();
        options.Validate();
        _time = timeProvider ?? TimeProvider.System;
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = options.BusyTimeoutSeconds,
        }.ToString();
        _retry = new SqliteBusyRetry(
            options.MaxWriteAttempts,
            options.RetryBaseDelay,
            random ?? new Random(Environment.ProcessId),
            delay ?? ((wait, token) => Task.Delay(wait, _time, token)));
        Write(_ => Execute(SessionSchema.Sql), CancellationToken.None).GetAwaiter().GetResult();
        Write(
            _ =>
            {
                using var connection = Open();
                SessionSchema.Migrate(connection);
                return 0;
            },
            CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>The full path of the store's file.</summary>
    public string Path { get; }

    /// <summary>Whether the bundled SQLite was compiled with FTS5 (the store cannot work without it).</summary>
    public static bool Fts5Available()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_compileoption_used('ENABLE_FTS5')";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private int Execute(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    private Task<T> Write<T>(Func<CancellationToken, T> operation, CancellationToken cancellationToken) =>
        _retry.RunAsync(token => Task.FromResult(operation(token)), cancellationToken);

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private static void ValidateArtifacts(IReadOnlyList<string> artifacts)
    {
        foreach (var artifact in artifacts)
        {
            if (!ArtifactVersion().IsMatch(artifact ?? ""))
            {
                throw new ArgumentException($"Artifact \"{artifact}\" is not of the form artifact@version#sha.", nameof(artifacts));
            }
        }
    }

    [GeneratedRegex(@"^[^\s@#]+@[^\s@#]+#[0-9A-Fa-f]+$")]
    private static partial Regex ArtifactVersion();
}

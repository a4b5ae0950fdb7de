using Evolve.Kernel.Agents.Sessions;
using Microsoft.Data.Sqlite;

namespace Evolve.Kernel.Tests.Agents.Sessions;

public sealed class SqliteBusyRetryTests
{
    [Fact]
    public async Task RunAsync_BusyTwiceThenSuccess_RetriesWithGrowingJitteredDelays()
    {
        var delays = new List<TimeSpan>();
        var retry = new SqliteBusyRetry(5, TimeSpan.FromMilliseconds(100), new Random(7), (d, _) => { delays.Add(d); return Task.CompletedTask; });
        var calls = 0;

        var result = await retry.RunAsync(_ => ++calls < 3 ? throw new SqliteException("busy", 5) : Task.FromResult(42), TestContext.Current.CancellationToken);

        Assert.Equal(42, result);
        Assert.Equal(3, calls);
        Assert.Equal(2, delays.Count);
        Assert.InRange(delays[0].TotalMilliseconds, 100, 200);
        Assert.InRange(delays[1].TotalMilliseconds, 200, 400);
    }

    [Fact]
    public async Task RunAsync_AlwaysBusy_GivesUpAfterMaxAttempts()
    {
        var calls = 0;
        var retry = new SqliteBusyRetry(3, TimeSpan.Zero, new Random(1), (_, _) => Task.CompletedTask);

        var error = await Assert.ThrowsAsync<SqliteException>(() => retry.RunAsync<int>(_ => { calls++; throw new SqliteException("locked", 6); }, TestContext.Current.CancellationToken));

        Assert.Equal(6, error.SqliteErrorCode);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task RunAsync_OtherSqliteError_IsNotRetried()
    {
        var calls = 0;
        var retry = new SqliteBusyRetry(5, TimeSpan.Zero, new Random(1), (_, _) => Task.CompletedTask);

        await Assert.ThrowsAsync<SqliteException>(() => retry.RunAsync<int>(_ => { calls++; throw new SqliteException("constraint", 19); }, TestContext.Current.CancellationToken));

        Assert.Equal(1, calls);
    }

    [Fact]
    public void DelayFor_SameSeed_SameDelays()
    {
        var a = new SqliteBusyRetry(5, TimeSpan.FromMilliseconds(50), new Random(3), (_, _) => Task.CompletedTask);
        var b = new SqliteBusyRetry(5, TimeSpan.FromMilliseconds(50), new Random(3), (_, _) => Task.CompletedTask);

        Assert.Equal(Enumerable.Range(1, 4).Select(a.DelayFor), Enumerable.Range(1, 4).Select(b.DelayFor));
    }

    [Fact]
    public async Task AppendMessageAsync_DatabaseLockedByAnotherWriter_RetriesUntilLockIsReleased()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "s.db");
        var ct = TestContext.Current.CancellationToken;
        var delays = 0;
        await using var blocker = new SqliteConnection($"Data Source={path}");
        SqliteTransaction? hold = null;
        var store = new SessionStore(
            path,
            new SessionStoreOptions { BusyTimeoutSeconds = 1, MaxWriteAttempts = 3 },
            timeProvider: null,
            random: new Random(1),
            delay: (_, _) =>
            {
                delays++;
                hold!.Commit();
                return Task.CompletedTask;
            });
        await store.StartSessionAsync("s", "coder", null, [], "h", ct);
        await blocker.OpenAsync(ct);
        hold = blocker.BeginTransaction(deferred: false);

        var message = await store.AppendMessageAsync("s", "user", "written after the lock", cancellationToken: ct);

        Assert.Equal(1, delays);
        Assert.Equal(1, message.Seq);
        Assert.Single(await store.GetMessagesAsync("s", ct));
    }
}

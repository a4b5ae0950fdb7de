using System.Text;
using Evolve.Kernel.Providers.Caching;
using Microsoft.Extensions.Caching.Distributed;

namespace Evolve.Kernel.Tests.Providers.Caching;

public sealed class SqliteResponseCacheTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new();

    public void Dispose() => _dir.Dispose();

    private SqliteResponseCache Open(TimeSpan? ttl = null) => new(_dir.File("sub/cache.db"), ttl, _time);

    [Fact]
    public async Task SetAsync_ThenGetAsyncFromANewInstance_ReturnsTheBytes()
    {
        await Open().SetAsync("k", Encoding.UTF8.GetBytes("value"), new DistributedCacheEntryOptions(), token: TestContext.Current.CancellationToken);

        var read = await Open().GetAsync("k", token: TestContext.Current.CancellationToken);

        Assert.Equal("value", Encoding.UTF8.GetString(read!));
        Assert.True(File.Exists(_dir.File("sub/cache.db")));
        Assert.Null(await Open().GetAsync("missing", token: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Constructor_NewFile_UsesWriteAheadLogging()
    {
        var cache = Open();
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + cache.Path);
        await connection.OpenAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GetAsync_AfterAbsoluteExpiry_ReturnsNull()
    {
        var cache = Open();
        await cache.SetAsync("k", [1, 2, 3], new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10) }, token: TestContext.Current.CancellationToken);

        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.NotNull(await cache.GetAsync("k", token: TestContext.Current.CancellationToken));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await cache.GetAsync("k", token: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GetAsync_DefaultTimeToLive_AppliesToEntriesWrittenWithoutOptions()
    {
        var cache = Open(TimeSpan.FromHours(1));
        await cache.SetAsync("k", [1], new DistributedCacheEntryOptions(), token: TestContext.Current.CancellationToken);

        _time.Advance(TimeSpan.FromMinutes(59));
        Assert.NotNull(await cache.GetAsync("k", token: TestContext.Current.CancellationToken));
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(await cache.GetAsync("k", token: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GetAsync_SlidingExpiry_IsExtendedByEachRead()
    {
        var cache = Open();
        await cache.SetAsync("k", [1], new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(5) }, token: TestContext.Current.CancellationToken);

        for (var i = 0; i < 4; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(4));
            Assert.NotNull(await cache.GetAsync("k", token: TestContext.Current.CancellationToken));
        }

        _time.Advance(TimeSpan.FromMinutes(6));
        Assert.Null(await cache.GetAsync("k", token: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task PurgeExpiredAsync_MixedEntries_RemovesOnlyExpiredOnes()
    {
        var cache = Open();
        await cache.SetAsync("old", [1], new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(1) }, token: TestContext.Current.CancellationToken);
        await cache.SetAsync("new", [2], new DistributedCacheEntryOptions(), token: TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(1, await cache.PurgeExpiredAsync(cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal([2], await cache.GetAsync("new", token: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SetAsync_ManyConcurrentWritersAndReaders_LosesNothing()
    {
        var caches = new[] { Open(), Open() };

        await Parallel.ForEachAsync(Enumerable.Range(0, 200), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var cache = caches[i % 2];
            await cache.SetAsync($"k{i}", BitConverter.GetBytes(i), new DistributedCacheEntryOptions(), ct);
            Assert.Equal(i, BitConverter.ToInt32(await cache.GetAsync($"k{i}", ct) ?? []));
        });

        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(i, BitConverter.ToInt32(await caches[0].GetAsync($"k{i}", token: TestContext.Current.CancellationToken) ?? []));
        }
    }

    [Fact]
    public async Task RemoveAsync_ExistingKey_DeletesIt()
    {
        var cache = Open();
        cache.Set("k", [7], new DistributedCacheEntryOptions());

        await cache.RemoveAsync("k", token: TestContext.Current.CancellationToken);

        Assert.Null(cache.Get("k"));
    }
}

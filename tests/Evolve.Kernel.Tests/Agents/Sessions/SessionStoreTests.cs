using Evolve.Kernel.Agents.Sessions;
using Microsoft.Data.Sqlite;

namespace Evolve.Kernel.Tests.Agents.Sessions;

public sealed class SessionStoreTests
{
    private const string Sha = "0123abcd";

    [Fact]
    public void Fts5Available_BundledSqlite_IsTrue()
    {
        Assert.True(SessionStore.Fts5Available());
    }

    [Fact]
    public async Task Constructor_NewFile_UsesWalAndCreatesFtsTable()
    {
        using var temp = new TempDirectory();
        var store = new SessionStore(Path.Combine(temp.Path, "db", "sessions.db"));

        await using var connection = new SqliteConnection($"Data Source={store.Path}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        command.CommandText = "SELECT sql FROM sqlite_master WHERE name = 'messages_fts'";
        Assert.Contains("fts5", (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task StartSessionAsync_WithParentAndArtifacts_RoundTrips()
    {
        using var temp = new TempDirectory();
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(start);
        var store = new SessionStore(Path.Combine(temp.Path, "s.db"), timeProvider: time);
        var ct = TestContext.Current.CancellationToken;

        await store.StartSessionAsync("root", "coder", null, [], "h0", ct);
        time.Advance(TimeSpan.FromSeconds(5));
        await store.StartSessionAsync("child", "coder", "root", ["identity@3#" + Sha, "skill.review@1#ff00"], "h1", ct);

        var child = await store.GetSessionAsync("child", ct);
        Assert.NotNull(child);
        Assert.Equal("root", child.ParentId);
        Assert.Equal(["identity@3#" + Sha, "skill.review@1#ff00"], child.Artifacts);
        Assert.Equal("h1", child.PromptHash);
        Assert.Equal(start.AddSeconds(5), child.Started);
        Assert.Empty((await store.GetSessionAsync("root", ct))!.Artifacts);
        Assert.Equal(["child"], await store.GetChildrenAsync("root", ct));
        Assert.Null(await store.GetSessionAsync("missing", ct));
    }

    [Fact]
    public async Task StartSessionAsync_MalformedArtifact_Throws()
    {
        using var temp = new TempDirectory();
        var store = new SessionStore(Path.Combine(temp.Path, "s.db"));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.StartSessionAsync("a", "coder", null, ["identity@3"], "h", TestContext.Current.CancellationToken));

        Assert.Contains("\"identity@3\" is not of the form artifact@version#sha", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartSessionAsync_UnknownParent_IsRejectedByForeignKey()
    {
        using var temp = new TempDirectory();
        var store = new SessionStore(Path.Combine(temp.Path, "s.db"));

        await Assert.ThrowsAsync<SqliteException>(() => store.StartSessionAsync("a", "coder", "ghost", [], "h", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AppendMessageAsync_SeveralMessages_NumbersThemInOrder()
    {
        using var temp = new TempDirectory();
        var store = new SessionStore(Path.Combine(temp.Path, "s.db"));
        var ct = TestContext.Current.CancellationToken;
        await store.StartSessionAsync("s1", "coder", null, [], "h", ct);

        await store.AppendMessageAsync("s1", "user", "add two numbers", cancellationToken: ct);
        await store.AppendMessageAsync("s1", "assistant", "", "run_python", """{"code":"print(1+1)"}""", ct);
        var last = await store.AppendMessageAsync("s1", "tool", "2", "run_python", cancellationToken: ct);

        Assert.Equal(3, last.Seq);
        var messages = await store.GetMessagesAsync("s1", ct);
        Assert.Equal([1L, 2L, 3L], messages.Select(m => m.Seq));
        Assert.Equal("""{"code":"print(1+1)"}""", messages[1].ToolCall);
        Assert.Null(messages[0].ToolName);
    }

    [Fact]
    public async Task AppendMessageAsync_ConcurrentWritersOnTwoStores_KeepSeqUniqueAndComplete()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "s.db");
        var stores = new[] { new SessionStore(path), new SessionStore(path) };
        var ct = TestContext.Current.CancellationToken;
        await stores[0].StartSessionAsync("s", "coder", null, [], "h", ct);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(
            async () =>
            {
                for (var i = 0; i < 20; i++)
                {
                    await stores[w % 2].AppendMessageAsync("s", "user", $"writer {w} message {i}", cancellationToken: ct);
                }
            },
            ct)));

        var messages = await stores[1].GetMessagesAsync("s", ct);
        Assert.Equal(Enumerable.Range(1, 80).Select(i => (long)i), messages.Select(m => m.Seq));
    }

    [Fact]
    public async Task DeleteSessionAsync_RemovesMessagesFromSearch()
    {
        using var temp = new TempDirectory();
        var store = new SessionStore(Path.Combine(temp.Path, "s.db"));
        var ct = TestContext.Current.CancellationToken;
        await store.StartSessionAsync("s1", "coder", null, [], "h", ct);
        await store.AppendMessageAsync("s1", "user", "quaternion rotation", cancellationToken: ct);
        Assert.Single(await store.SearchAsync("quaternion", 5, ct));

        Assert.True(await store.DeleteSessionAsync("s1", ct));

        Assert.Empty(await store.SearchAsync("quaternion", 5, ct));
        Assert.Empty(await store.GetMessagesAsync("s1", ct));
        Assert.False(await store.DeleteSessionAsync("s1", ct));
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsEveryProblem()
    {
        using var temp = new TempDirectory();

        var error = Assert.Throws<ArgumentException>(() =>
        {
            _ = new SessionStore(Path.Combine(temp.Path, "s.db"), new SessionStoreOptions { BusyTimeoutSeconds = 0, MaxWriteAttempts = 0, RetryBaseDelay = TimeSpan.FromSeconds(-1) });
        });

        Assert.Equal(
            "Invalid session store options: BusyTimeoutSeconds must be at least 1 (was 0). MaxWriteAttempts must be at least 1 (was 0). RetryBaseDelay must not be negative (was -00:00:01).",
            error.Message);
    }
}

using Evolve.Kernel.Agents.Sessions;
using Microsoft.Data.Sqlite;

namespace Evolve.Kernel.Tests.Agents.Sessions;

/// <summary>Sessions carry whose they are; a scoped search finds only that scope's.</summary>
public sealed class SessionScopeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SearchInScopeAsync_ThreeScopes_FindsOnlyTheOneAsked()
    {
        using var temp = new TempDirectory();
        var store = new SessionStore(Path.Combine(temp.Path, "s.db"));
        await AddAsync(store, "a", "user:alice", "the launch code is zanzibar");
        await AddAsync(store, "b", "user:bob", "zanzibar is an island");
        await AddAsync(store, "unscoped", null, "zanzibar again");

        var alice = await store.SearchInScopeAsync("zanzibar", "user:alice", 10, Ct);
        var shared = await store.SearchInScopeAsync("zanzibar", null, 10, Ct);
        var nobody = await store.SearchInScopeAsync("zanzibar", "user:carol", 10, Ct);
        var all = await store.SearchAsync("zanzibar", 10, Ct);

        Assert.Equal(["a"], alice.Select(h => h.SessionId));
        Assert.Equal(["unscoped"], shared.Select(h => h.SessionId));
        Assert.Empty(nobody);
        Assert.Equal(["a", "b", "unscoped"], all.Select(h => h.SessionId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task StartSessionAsync_WithScope_RoundTrips()
    {
        using var temp = new TempDirectory();
        var store = new SessionStore(Path.Combine(temp.Path, "s.db"));

        await store.StartSessionAsync("s1", "qa", null, [], "h", "user:alice", Ct);
        await store.StartSessionAsync("s2", "qa", null, [], "h", Ct);

        Assert.Equal("user:alice", (await store.GetSessionAsync("s1", Ct))!.Scope);
        Assert.Null((await store.GetSessionAsync("s2", Ct))!.Scope);
    }

    [Fact]
    public async Task Constructor_StoreFromBeforeScopes_AddsTheColumnAndKeepsOldSessionsShared()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "old.db");
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE sessions (id TEXT NOT NULL PRIMARY KEY, agent TEXT NOT NULL, parent_id TEXT NULL REFERENCES sessions(id),
                    started INTEGER NOT NULL, artifacts TEXT NOT NULL, prompt_hash TEXT NOT NULL);
                INSERT INTO sessions VALUES ('old', 'qa', NULL, 0, '', 'h');
                """;
            await command.ExecuteNonQueryAsync(Ct);
        }

        var store = new SessionStore(path);
        await store.AppendMessageAsync("old", "user", "remember the llamas", cancellationToken: Ct);
        await store.StartSessionAsync("new", "qa", null, [], "h", "user:alice", Ct);
        _ = new SessionStore(path);

        Assert.Null((await store.GetSessionAsync("old", Ct))!.Scope);
        Assert.Equal(["old"], (await store.SearchInScopeAsync("llamas", null, 10, Ct)).Select(h => h.SessionId));
        Assert.Equal("user:alice", (await store.GetSessionAsync("new", Ct))!.Scope);
    }

    private static async Task AddAsync(SessionStore store, string id, string? scope, string text)
    {
        await store.StartSessionAsync(id, "qa", null, [], "h", scope, Ct);
        await store.AppendMessageAsync(id, "user", text, cancellationToken: Ct);
    }
}

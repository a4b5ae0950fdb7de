using Evolve.Kernel.Agents.Sessions;

namespace Evolve.Kernel.Tests.Agents.Sessions;

public sealed class SessionSearchTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly SessionStore _store;

    public SessionSearchTests()
    {
        _store = new SessionStore(Path.Combine(_temp.Path, "s.db"));
        Seed("alpha", ("user", "deploy the alpha service to staging", null, null), ("assistant", "the cat sat near the mat", null, null));
        Seed("beta", ("user", "rollback beta please", null, null), ("assistant", "", "run_python", """{"code":"import quaternion"}"""));
        Seed("gamma", ("user", "alpha alpha alpha release notes", null, null));
        Seed("quotes", ("user", "she said \"hello\" and left", null, null));
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task SearchAsync_WordInContent_ReturnsSessionWithMarkedSnippet()
    {
        var hits = await _store.SearchAsync("staging", 10, TestContext.Current.CancellationToken);

        var hit = Assert.Single(hits);
        Assert.Equal("alpha", hit.SessionId);
        Assert.Contains("[staging]", hit.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchAsync_ToolNameAndToolCall_AreSearchable()
    {
        Assert.Equal("beta", Assert.Single(await _store.SearchAsync("run_python", 10, TestContext.Current.CancellationToken)).SessionId);
        Assert.Equal("beta", Assert.Single(await _store.SearchAsync("quaternion", 10, TestContext.Current.CancellationToken)).SessionId);
    }

    [Fact]
    public async Task SearchAsync_SeveralSessions_OneHitEachBestFirstWithinLimit()
    {
        var hits = await _store.SearchAsync("alpha", 10, TestContext.Current.CancellationToken);

        Assert.Equal(["gamma", "alpha"], hits.Select(h => h.SessionId));
        Assert.True(hits[0].Rank <= hits[1].Rank);
        Assert.Single(await _store.SearchAsync("alpha", 1, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SearchAsync_OrOperator_IsALiteralWordNotAnOperator()
    {
        // As FTS5 syntax this would match both sessions; sanitised it needs the word "or" too.
        Assert.Empty(await _store.SearchAsync("staging OR rollback", 10, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SearchAsync_NearFunction_IsSearchedAsWords()
    {
        var hits = await _store.SearchAsync("NEAR(cat mat)", 10, TestContext.Current.CancellationToken);

        Assert.Equal("alpha", Assert.Single(hits).SessionId);
        Assert.Equal("alpha", Assert.Single(await _store.SearchAsync("NEAR(", 10, TestContext.Current.CancellationToken)).SessionId);
        Assert.Empty(await _store.SearchAsync("NEAR(deploy staging, 2)", 10, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SearchAsync_PrefixStar_DoesNotActAsPrefix()
    {
        Assert.Empty(await _store.SearchAsync("stag*", 10, TestContext.Current.CancellationToken));
        Assert.Single(await _store.SearchAsync("staging*", 10, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SearchAsync_ColumnFilter_IsNotInterpreted()
    {
        // "content:hello" as syntax would match the quotes session; as words it needs "content" too.
        Assert.Empty(await _store.SearchAsync("content:hello", 10, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\"hello")]
    [InlineData("hello\" OR \"staging")]
    [InlineData("NEAR( hello")]
    [InlineData("*")]
    [InlineData("(((")]
    [InlineData("- ^ : + {}")]
    [InlineData("AND")]
    [InlineData("'; DROP TABLE messages; --")]
    public async Task SearchAsync_HostileSyntax_NeverThrowsAndStaysLiteral(string query)
    {
        var hits = await _store.SearchAsync(query, 10, TestContext.Current.CancellationToken);

        // Whatever matched must contain every word of the query; the store must still work.
        Assert.All(hits, h => Assert.Equal("quotes", h.SessionId));
        Assert.Equal(2, (await _store.GetMessagesAsync("alpha", TestContext.Current.CancellationToken)).Count);
    }

    [Fact]
    public async Task SearchAsync_UnbalancedQuoteAroundWord_FindsTheWord()
    {
        var hits = await _store.SearchAsync("\"hello", 10, TestContext.Current.CancellationToken);

        Assert.Equal("quotes", Assert.Single(hits).SessionId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"\"")]
    [InlineData("*:^")]
    public async Task SearchAsync_NoWords_ReturnsNothing(string query)
    {
        Assert.Empty(await _store.SearchAsync(query, 10, TestContext.Current.CancellationToken));
    }

    private void Seed(string id, params (string Role, string Content, string? Tool, string? Call)[] messages)
    {
        _store.StartSessionAsync(id, "coder", null, [], "h").GetAwaiter().GetResult();
        foreach (var (role, content, tool, call) in messages)
        {
            _store.AppendMessageAsync(id, role, content, tool, call).GetAwaiter().GetResult();
        }
    }
}

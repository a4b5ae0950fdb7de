using Evolve.Kernel.Library;

namespace Evolve.Kernel.Tests.Library;

public sealed class PromptLibraryInitializeTests : IDisposable
{
    private readonly LibraryFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    [Fact]
    public void Initialize_NoHistory_RecordsLiveFilesAsSeedVersionOne()
    {
        Assert.True(_fx.Library.Initialize(LibraryFixture.Agent, "alice"));

        var v1 = Assert.Single(_fx.Library.History(LibraryFixture.Agent));
        Assert.Equal(1, v1.Version);
        Assert.Equal("seed", v1.Operator);
        Assert.Equal(["heuristics.yaml", "system.sbn", "task.sbn"], v1.Files);
        Assert.Equal(_fx.Time.GetUtcNow(), v1.CreatedAt);
        Assert.Equal(LibraryFixture.Seed, _fx.Library.Show(LibraryFixture.Agent, 1).Files);
        Assert.Equal(new ChannelPointer(1, 1), _fx.Library.Channels(LibraryFixture.Agent)!.Live);
        Assert.Equal(new ChannelPointer(null, 0), _fx.Library.Channels(LibraryFixture.Agent)!.Canary);
        var init = Assert.Single(_fx.Library.Ledger(LibraryFixture.Agent));
        Assert.Equal((LedgerAction.Init, "alice", 1), (init.Action, init.Actor, init.To!.Value));
    }

    [Fact]
    public void Initialize_Twice_SecondCallChangesNothing()
    {
        _fx.Library.Initialize(LibraryFixture.Agent);
        var before = _fx.Observable();

        Assert.False(_fx.Library.Initialize(LibraryFixture.Agent));
        Assert.Equal(before, _fx.Observable());
        Assert.Single(_fx.Library.History(LibraryFixture.Agent));
    }

    [Fact]
    public void ContentHash_KnownSet_MatchesCandidateIdRule()
    {
        // Expected value computed independently: SHA-256 over sorted (name NUL text NUL) pairs.
        var files = new Dictionary<string, string> { ["task.sbn"] = "Solve {{ x }}\n", ["system.sbn"] = "You are careful.\n" };

        Assert.Equal("c10559329bdb8b75eaf4a3620ef3cd5f7392dd6e2c2ab8a92f42aba84f1898bc", ContentHash.Compute(files));
    }

    [Fact]
    public void Queries_BeforeInitialize_ReportNoHistory()
    {
        Assert.Empty(_fx.Library.History(LibraryFixture.Agent));
        Assert.Null(_fx.Library.Channels(LibraryFixture.Agent));
        Assert.Null(_fx.Library.Resolve(LibraryFixture.Agent));
        Assert.Empty(_fx.Library.Ledger(LibraryFixture.Agent));
    }

    [Fact]
    public void Constructor_BadOptions_ListsEveryProblem()
    {
        var ex = Assert.Throws<ArgumentException>(() => new PromptLibrary(new PromptLibraryOptions
        {
            PromptsDirectory = "/nonexistent/prompts",
            LockTimeout = TimeSpan.FromSeconds(-1),
            DefaultCanaryShare = 2,
        }));

        Assert.Contains("PromptsDirectory '/nonexistent/prompts' is not an existing folder", ex.Message, StringComparison.Ordinal);
        Assert.Contains("LockTimeout must not be negative", ex.Message, StringComparison.Ordinal);
        Assert.Contains("DefaultCanaryShare must be in [0, 1], not 2", ex.Message, StringComparison.Ordinal);
    }
}

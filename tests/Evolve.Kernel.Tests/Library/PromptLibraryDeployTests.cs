using System.Text.Json.Nodes;
using Evolve.Kernel.Library;

namespace Evolve.Kernel.Tests.Library;

public sealed class PromptLibraryDeployTests : IDisposable
{
    private const string A = LibraryFixture.Agent;
    private readonly LibraryFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    [Fact]
    public void Deploy_Live_RewritesLiveFilesMovesPointerAndAppendsLedger()
    {
        var v2 = _fx.Library.AddVersion(A, LibraryFixture.Variant("two"), new VersionMetadata { Evidence = new JsonObject { ["score"] = 0.9 } });

        var entry = _fx.Library.Deploy(A, v2, LibraryChannel.Live, expectedGeneration: 1, actor: "bob");

        Assert.Equal(LibraryFixture.Variant("two"), _fx.ReadLive());
        Assert.Equal(new ChannelPointer(2, 2), _fx.Library.Channels(A)!.Live);
        Assert.Equal((LedgerAction.Deploy, "bob", LibraryChannel.Live, 1, 2, 2L), (entry.Action, entry.Actor, entry.Channel!.Value, entry.From!.Value, entry.To!.Value, entry.Generation!.Value));
        Assert.Equal(0.9, entry.Evidence!["score"]!.GetValue<double>());
        Assert.Equal(entry.Seq, _fx.Library.Ledger(A)[^1].Seq);
        Assert.False(File.Exists(Path.Combine(_fx.HistoryDirectory, "pending.json")));
        Assert.Empty(Directory.GetFiles(_fx.AgentDirectory, ".*tmp*"));
    }

    [Fact]
    public void Deploy_Canary_LeavesLiveFilesAndLivePointerAlone()
    {
        var v2 = _fx.Library.AddVersion(A, LibraryFixture.Variant("two"), new VersionMetadata());

        _fx.Library.Deploy(A, v2, LibraryChannel.Canary);

        Assert.Equal(LibraryFixture.Seed, _fx.ReadLive());
        Assert.Equal(new ChannelPointer(1, 1), _fx.Library.Channels(A)!.Live);
        Assert.Equal(new ChannelPointer(2, 1), _fx.Library.Channels(A)!.Canary);
    }

    [Fact]
    public void Deploy_StaleGeneration_ThrowsConflictAndChangesNothing()
    {
        var v2 = _fx.Library.AddVersion(A, LibraryFixture.Variant("two"), new VersionMetadata());
        var v3 = _fx.Library.AddVersion(A, LibraryFixture.Variant("three"), new VersionMetadata());
        _fx.Library.Deploy(A, v2, expectedGeneration: 1);
        var before = _fx.Observable();

        var ex = Assert.Throws<LibraryConflictException>(() => _fx.Library.Deploy(A, v3, expectedGeneration: 1));

        Assert.Equal("the live channel of 'coder' moved: expected generation 1, found 2; another writer changed it, re-read and retry", ex.Message);
        Assert.Equal(before, _fx.Observable());
    }

    [Fact]
    public void Deploy_LiveFilesEditedByHand_KeepsTheEditAsManualVersion()
    {
        var v2 = _fx.Library.AddVersion(A, LibraryFixture.Variant("two"), new VersionMetadata());
        _fx.WriteLive(LibraryFixture.Variant("hand edit"));

        _fx.Library.Deploy(A, v2);

        var manual = _fx.Library.History(A)[^1];
        Assert.Equal(("manual", 3), (manual.Operator, manual.Version));
        Assert.Equal([1], manual.Parents);
        Assert.Equal(LibraryFixture.Variant("hand edit"), _fx.Library.Show(A, 3).Files);
        Assert.Equal(LibraryFixture.Variant("two"), _fx.ReadLive());
    }

    [Fact]
    public void Promote_NewFiles_AddsVersionAndDeploysItInOneStep()
    {
        var entry = _fx.Library.Promote(A, LibraryFixture.Variant("p"), new VersionMetadata { Operator = "reflect", Parents = [1] }, actor: "evolve promote");

        Assert.Equal((LedgerAction.Promote, 2), (entry.Action, entry.To!.Value));
        Assert.Equal(LibraryFixture.Variant("p"), _fx.ReadLive());
        Assert.Equal(2, _fx.Library.Resolve(A)!.Version);
    }

    [Fact]
    public void Rollback_Default_WalksBackThroughLiveVersionsSkippingRolledBackOnes()
    {
        var v2 = _fx.Library.AddVersion(A, LibraryFixture.Variant("two"), new VersionMetadata());
        var v3 = _fx.Library.AddVersion(A, LibraryFixture.Variant("three"), new VersionMetadata());
        _fx.Library.Deploy(A, v2);
        _fx.Library.Deploy(A, v3);

        var first = _fx.Library.Rollback(A, actor: "carol");
        Assert.Equal((LedgerAction.Rollback, 3, 2), (first.Action, first.From!.Value, first.To!.Value));
        Assert.Equal(LibraryFixture.Variant("two"), _fx.ReadLive());

        var second = _fx.Library.Rollback(A);
        Assert.Equal(1, second.To);
        Assert.Equal(LibraryFixture.Seed, _fx.ReadLive());

        var ex = Assert.Throws<InvalidOperationException>(() => _fx.Library.Rollback(A));
        Assert.Contains("no earlier version to roll back to", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rollback_ExplicitVersion_DeploysThatVersion()
    {
        var v2 = _fx.Library.AddVersion(A, LibraryFixture.Variant("two"), new VersionMetadata());
        _fx.Library.AddVersion(A, LibraryFixture.Variant("three"), new VersionMetadata());
        _fx.Library.Deploy(A, 3);

        var entry = _fx.Library.Rollback(A, toVersion: v2);

        Assert.Equal((3, 2), (entry.From!.Value, entry.To!.Value));
        Assert.Equal(LibraryFixture.Variant("two"), _fx.ReadLive());
        Assert.Throws<InvalidOperationException>(() => _fx.Library.Rollback(A, toVersion: v2));
    }

    [Fact]
    public void Deploy_UnknownVersion_ThrowsInputExceptionAndChangesNothing()
    {
        _fx.Library.Initialize(A);
        var before = _fx.Observable();

        Assert.Throws<InputException>(() => _fx.Library.Deploy(A, 42));
        Assert.Equal(before, _fx.Observable());
    }
}

using Evolve.Kernel.Library;

namespace Evolve.Kernel.Tests.Library;

/// <summary>
/// A writer killed at each step (clean-up skipped): readers see only committed state, and the next
/// open rolls the move back, removes its uncommitted versions and temp files, and leaves the ledger
/// and channels agreeing.
/// </summary>
public sealed class PromptLibraryCrashRecoveryTests : IDisposable
{
    private const string A = LibraryFixture.Agent;
    private readonly LibraryFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    public static TheoryData<string> PromoteSteps =>
    [
        "journal-written", "version-folder-written", "version-renamed", "live-temps-written", "live-file-replaced",
        "channels-temp-written", "pointer-written", "ledger-appended",
    ];

    [Theory]
    [MemberData(nameof(PromoteSteps))]
    public void Promote_CrashAtStep_ReadersSeeOnlyCommittedStateWhileTheWriterHoldsTheLock(string step)
    {
        _fx.Library.Initialize(A);
        var before = _fx.Observable();
        CrashPromote(step);

        using (_fx.HoldLock())
        {
            var reader = _fx.Create();
            Assert.Equal(1, reader.Resolve(A)!.Version);
            Assert.Equal([1], reader.History(A).Select(v => v.Version));
            Assert.Throws<InputException>(() => reader.Show(A, 2));
            Assert.DoesNotContain(reader.Ledger(A), e => e.To == 2);
            Assert.Equal(new ChannelPointer(1, 1), reader.Channels(A)!.Live);
            Assert.Equal(LibraryFixture.Seed, reader.LiveFiles(A).Files);
            Assert.Equal(1, reader.LiveFiles(A).Version!.Version);
        }

        _fx.AssertConsistent();
        Assert.Equal(before, _fx.Observable());
    }

    [Theory]
    [MemberData(nameof(PromoteSteps))]
    public void Promote_CrashAtStep_NextOpenRollsBackAndRemovesOrphansAndTemps(string step)
    {
        _fx.Library.Initialize(A);
        var ledgerBefore = File.ReadAllText(Path.Combine(_fx.HistoryDirectory, "ledger.jsonl"));
        CrashPromote(step);

        Assert.Equal(1, _fx.Create().Resolve(A)!.Version);

        Assert.Equal([1], _fx.VersionFolders());
        Assert.Equal(ledgerBefore, File.ReadAllText(Path.Combine(_fx.HistoryDirectory, "ledger.jsonl")));
        Assert.Equal(LibraryFixture.Seed, _fx.ReadLive());
        _fx.AssertConsistent();
        var entry = _fx.Create().Promote(A, LibraryFixture.Variant("again"), new VersionMetadata(), expectedGeneration: 1);
        Assert.Equal((2, 2L), (entry.To!.Value, entry.Generation!.Value));
        _fx.AssertConsistent();
    }

    [Theory]
    [InlineData("journal-written")]
    [InlineData("version-folder-written")]
    [InlineData("version-renamed")]
    [InlineData("ledger-appended")]
    public void AddVersion_CrashAtStep_VersionNeverAppearsAndIsRemoved(string step)
    {
        _fx.Library.Initialize(A);
        var crashing = _fx.Create();
        crashing.FaultAt = s => s == step;
        Assert.Throws<SimulatedCrashException>(() => crashing.AddVersion(A, LibraryFixture.Variant("lost"), new VersionMetadata()));

        using (_fx.HoldLock())
        {
            Assert.Equal([1], _fx.Create().History(A).Select(v => v.Version));
        }

        _fx.AssertConsistent();
        Assert.Equal(2, _fx.Create().AddVersion(A, LibraryFixture.Variant("kept"), new VersionMetadata()));
        Assert.Equal(LibraryFixture.Variant("kept"), _fx.Library.Show(A, 2).Files);
        _fx.AssertConsistent();
    }

    [Theory]
    [InlineData("journal-written")]
    [InlineData("live-file-replaced")]
    [InlineData("channels-temp-written")]
    [InlineData("ledger-appended")]
    public void Deploy_CrashAfterLiveFilesChange_EveryReaderKeepsTheCommittedVersion(string step)
    {
        var v2 = _fx.Library.AddVersion(A, LibraryFixture.Variant("two"), new VersionMetadata());
        var crashing = _fx.Create();
        crashing.FaultAt = s => s == step;
        Assert.Throws<SimulatedCrashException>(() => crashing.Deploy(A, v2));

        using (_fx.HoldLock())
        {
            var live = _fx.Create().LiveFiles(A);
            Assert.Equal(LibraryFixture.Seed, live.Files);
            Assert.Equal((1, false), (live.Version!.Version, live.HandEdited));
        }

        _fx.AssertConsistent();
        Assert.Equal(LibraryFixture.Seed, _fx.ReadLive());
    }

    [Fact]
    public void Open_TempFilesLeftByAKilledWriter_AreRemovedByTheNextReader()
    {
        _fx.Library.Initialize(A);
        File.WriteAllText(Path.Combine(_fx.HistoryDirectory, ".channels.json.tmp-0123456789abcdef"), "{");
        File.WriteAllText(Path.Combine(_fx.AgentDirectory, ".system.sbn.tmp-0123456789abcdef"), "half");

        Assert.Equal(1, _fx.Create().Resolve(A)!.Version);

        _fx.AssertConsistent();
    }

    [Theory]
    [InlineData("history-created")]
    [InlineData("journal-written")]
    [InlineData("version-renamed")]
    [InlineData("seed-version-written")]
    [InlineData("init-ledger-written")]
    [InlineData("pointer-written")]
    public void Initialize_CrashAtStep_NextOpenLeavesNoHistoryAndRetrySucceeds(string step)
    {
        var crashing = _fx.Create();
        crashing.FaultAt = s => s == step;
        Assert.Throws<SimulatedCrashException>(() => crashing.Initialize(A));

        Assert.Null(_fx.Create().Channels(A));
        Assert.False(Directory.Exists(_fx.HistoryDirectory));

        Assert.True(_fx.Create().Initialize(A));
        Assert.Single(_fx.Library.Ledger(A));
        _fx.AssertConsistent();
    }

    private void CrashPromote(string step)
    {
        var crashing = _fx.Create();
        crashing.FaultAt = s => s == step;
        Assert.Throws<SimulatedCrashException>(() => crashing.Promote(A, LibraryFixture.Variant("new"), new VersionMetadata()));
    }
}

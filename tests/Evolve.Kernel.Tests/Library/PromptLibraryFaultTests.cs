using Evolve.Kernel.Library;

namespace Evolve.Kernel.Tests.Library;

/// <summary>Crashes (clean-up skipped, as a killed process) and failures (exceptions) at every step of a write.</summary>
public sealed class PromptLibraryFaultTests : IDisposable
{
    private const string A = LibraryFixture.Agent;
    private readonly LibraryFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    [Theory]
    [InlineData("journal-written")]
    [InlineData("live-temps-written")]
    [InlineData("live-file-replaced")]
    [InlineData("pointer-written")]
    [InlineData("ledger-appended")]
    public void Deploy_CrashAtStep_NextOpenSeesPreviousStateIntact(string step)
    {
        var v2 = _fx.Library.AddVersion(A, LibraryFixture.Variant("two"), new VersionMetadata());
        var before = _fx.Observable();
        var crashing = _fx.Create();
        crashing.FaultAt = s => s == step;

        Assert.Throws<SimulatedCrashException>(() => crashing.Deploy(A, v2));

        var survivor = _fx.Create();
        Assert.Equal(1, survivor.Resolve(A)!.Version);
        Assert.Equal(before, _fx.Observable());
        Assert.False(File.Exists(Path.Combine(_fx.HistoryDirectory, "pending.json")));
        Assert.Empty(Directory.GetFiles(_fx.AgentDirectory, ".*tmp*"));
        Assert.Equal(LibraryFixture.Variant("two"), survivor.Show(A, v2).Files);
        survivor.Deploy(A, v2, expectedGeneration: 1);
        Assert.Equal(LibraryFixture.Variant("two"), _fx.ReadLive());
    }

    [Fact]
    public void Deploy_CrashBeforePointer_ReadersSeeOldVersionEvenBeforeRecovery()
    {
        var v2 = _fx.Library.AddVersion(A, LibraryFixture.Variant("two"), new VersionMetadata());
        _fx.Library.FaultAt = s => s == "pointer-written";
        Assert.Throws<SimulatedCrashException>(() => _fx.Library.Deploy(A, v2));

        // channels.json already says 2, but the journal says the move never finished.
        Assert.Contains("\"version\": 2", File.ReadAllText(Path.Combine(_fx.HistoryDirectory, "channels.json")), StringComparison.Ordinal);
        using var store = _fx.HoldLock();
        Assert.Equal(1, _fx.Create().Resolve(A)!.Version);
        Assert.DoesNotContain(_fx.Create().Ledger(A), e => e.Action == LedgerAction.Deploy);
    }

    [Theory]
    [InlineData("journal-written")]
    [InlineData("live-file-replaced")]
    [InlineData("pointer-written")]
    [InlineData("ledger-appended")]
    public void Deploy_FailureAtStep_ThrowsAndChangesNothing(string step)
    {
        var v2 = _fx.Library.AddVersion(A, LibraryFixture.Variant("two"), new VersionMetadata());
        var before = _fx.Observable();
        _fx.Library.FaultAt = s => s == step ? throw new IOException("disk full") : false;

        var ex = Assert.Throws<IOException>(() => _fx.Library.Deploy(A, v2));

        Assert.Equal("disk full", ex.Message);
        Assert.Equal(before, _fx.Observable());
        Assert.Equal(LibraryFixture.Seed, _fx.ReadLive());
        Assert.False(File.Exists(Path.Combine(_fx.HistoryDirectory, "pending.json")));
    }

    [Fact]
    public void Rollback_FailureWritingLedger_ChangesNothing()
    {
        var v2 = _fx.Library.AddVersion(A, LibraryFixture.Variant("two"), new VersionMetadata());
        _fx.Library.Deploy(A, v2);
        var before = _fx.Observable();
        _fx.Library.FaultAt = s => s == "pointer-written" ? throw new IOException("ledger not writable") : false;

        Assert.Throws<IOException>(() => _fx.Library.Rollback(A));

        Assert.Equal(before, _fx.Observable());
        Assert.Equal(LibraryFixture.Variant("two"), _fx.ReadLive());
    }

    [Fact]
    public void Promote_CrashBetweenVersionAndPointer_VersionIsRemovedAndNotLive()
    {
        _fx.Library.Initialize(A);
        var before = _fx.Observable();
        _fx.Library.FaultAt = s => s == "live-temps-written";

        Assert.Throws<SimulatedCrashException>(() => _fx.Library.Promote(A, LibraryFixture.Variant("new"), new VersionMetadata()));

        var survivor = _fx.Create();
        Assert.Equal([1], survivor.History(A).Select(v => v.Version));
        Assert.Equal(1, survivor.Resolve(A)!.Version);
        Assert.Equal(before, _fx.Observable());
    }

    [Fact]
    public void AddVersion_CrashBeforeRename_LeavesNoVersionAndNextWriteCleansUp()
    {
        _fx.Library.Initialize(A);
        _fx.Library.FaultAt = s => s == "version-folder-written";

        Assert.Throws<SimulatedCrashException>(() => _fx.Library.AddVersion(A, LibraryFixture.Variant("lost"), new VersionMetadata()));

        var survivor = _fx.Create();
        Assert.Single(survivor.History(A));
        Assert.Equal(2, survivor.AddVersion(A, LibraryFixture.Variant("kept"), new VersionMetadata()));
        Assert.Empty(Directory.GetDirectories(Path.Combine(_fx.HistoryDirectory, "versions"), ".tmp-*"));
    }

    [Theory]
    [InlineData("seed-version-written")]
    [InlineData("init-ledger-written")]
    public void Initialize_CrashPartWay_RetryReusesSeedAndWritesOneInitLine(string step)
    {
        _fx.Library.FaultAt = s => s == step;
        Assert.Throws<SimulatedCrashException>(() => _fx.Library.Initialize(A));

        Assert.True(_fx.Create().Initialize(A));

        Assert.Single(_fx.Library.History(A));
        Assert.Equal(1, _fx.Library.Resolve(A)!.Version);
        Assert.Single(_fx.Library.Ledger(A));
    }

    [Fact]
    public void Ledger_TrailingLineWithoutNewline_IsNotReadAsAnEntry()
    {
        _fx.Library.Initialize(A);
        File.AppendAllText(Path.Combine(_fx.HistoryDirectory, "ledger.jsonl"), "{\"seq\":2,\"act");

        Assert.Single(_fx.Library.Ledger(A));
    }
}

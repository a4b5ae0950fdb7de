using Evolve.Kernel.Library;

namespace Evolve.Kernel.Tests.Library;

/// <summary>A write that fails on a library with no history yet leaves it with none.</summary>
public sealed class PromptLibraryFailedWriteTests : IDisposable
{
    private const string A = LibraryFixture.Agent;
    private readonly LibraryFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    [Fact]
    public void Deploy_UnknownVersionBeforeAnyHistory_ThrowsAndCreatesNoHistory()
    {
        var ex = Assert.Throws<InputException>(() => _fx.Library.Deploy(A, 7));

        Assert.Contains("has no version 7", ex.Message, StringComparison.Ordinal);
        AssertNoHistory();
    }

    [Fact]
    public void Rollback_BeforeAnyHistory_ThrowsAndCreatesNoHistory()
    {
        Assert.Throws<InvalidOperationException>(() => _fx.Library.Rollback(A));

        AssertNoHistory();
    }

    [Fact]
    public void Promote_BadFilesBeforeAnyHistory_ThrowsAndCreatesNoHistory()
    {
        var files = new Dictionary<string, string>(LibraryFixture.Variant("x")) { ["extra.txt"] = "no" };

        Assert.Throws<InputException>(() => _fx.Library.Promote(A, files, new VersionMetadata()));

        AssertNoHistory();
    }

    [Theory]
    [InlineData("version-renamed")]
    [InlineData("init-ledger-written")]
    [InlineData("pointer-written")]
    [InlineData("ledger-appended")]
    public void SetCanaryShare_IoFailureBeforeAnyHistory_ThrowsAndCreatesNoHistory(string step)
    {
        _fx.Library.FaultAt = s => s == step ? throw new IOException("disk full") : false;

        Assert.Throws<IOException>(() => _fx.Library.SetCanaryShare(A, 0.5));

        AssertNoHistory();
    }

    [Fact]
    public void Deploy_UnknownVersionOnAnInitializedLibrary_ChangesNothing()
    {
        _fx.Library.Initialize(A);
        var before = _fx.Observable();

        Assert.Throws<InputException>(() => _fx.Library.Deploy(A, 7));

        Assert.Equal(before, _fx.Observable());
        _fx.AssertConsistent();
    }

    private void AssertNoHistory()
    {
        Assert.False(Directory.Exists(_fx.HistoryDirectory));
        Assert.Null(_fx.Library.Channels(A));
        Assert.Equal(LibraryFixture.Seed, _fx.ReadLive());
        Assert.Empty(_fx.Leftovers());
    }
}

using Evolve.Kernel.Library;

namespace Evolve.Kernel.Tests.Library;

public sealed class PromptLibraryResolveTests : IDisposable
{
    private const string A = LibraryFixture.Agent;
    private readonly LibraryFixture _fx = new();

    public PromptLibraryResolveTests()
    {
        var v2 = _fx.Library.AddVersion(A, LibraryFixture.Variant("canary"), new VersionMetadata());
        _fx.Library.Deploy(A, v2, LibraryChannel.Canary);
    }

    public void Dispose() => _fx.Dispose();

    [Fact]
    public void Resolve_Live_GivesLiveVersionWithHashLabel()
    {
        var resolved = _fx.Library.Resolve(A, LibraryChannel.Live, "session-1")!;

        Assert.Equal((1, LibraryChannel.Live), (resolved.Version, resolved.Channel));
        Assert.Equal($"coder@1#{ContentHash.Compute(LibraryFixture.Seed)[..12]}", resolved.ToString());
    }

    [Fact]
    public void Resolve_CanaryShareHalf_SplitsSessionsStablyNearTheShare()
    {
        _fx.Library.SetCanaryShare(A, 0.5);
        var sessions = Enumerable.Range(0, 1000).Select(i => $"session-{i}").ToArray();

        var first = sessions.Select(s => _fx.Library.Resolve(A, LibraryChannel.Canary, s)!.Version).ToArray();
        var again = sessions.Select(s => _fx.Create().Resolve(A, LibraryChannel.Canary, s)!.Version).ToArray();

        Assert.Equal(first, again);
        Assert.InRange(first.Count(v => v == 2), 420, 580);
        Assert.Equal(0.5, _fx.Library.Channels(A)!.CanaryShare);
        Assert.Equal(LedgerAction.CanaryShare, _fx.Library.Ledger(A)[^1].Action);
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(1.0, 200)]
    public void Resolve_ShareAtBounds_SendsNoneOrAllToCanary(double share, int expectedCanary)
    {
        _fx.Library.SetCanaryShare(A, share);

        var canary = Enumerable.Range(0, 200).Count(i => _fx.Library.Resolve(A, LibraryChannel.Canary, $"s{i}")!.Channel == LibraryChannel.Canary);

        Assert.Equal(expectedCanary, canary);
    }

    [Fact]
    public void Resolve_CanaryWithoutSession_GivesCanaryVersion()
    {
        Assert.Equal((2, LibraryChannel.Canary), (_fx.Library.Resolve(A, LibraryChannel.Canary)!.Version, _fx.Library.Resolve(A, LibraryChannel.Canary)!.Channel));
    }

    [Fact]
    public void Resolve_AfterDeploy_NextResolveSeesNewVersionWithoutNewLibrary()
    {
        var reader = _fx.Create();
        Assert.Equal(1, reader.Resolve(A)!.Version);

        _fx.Library.Deploy(A, 2);

        Assert.Equal(2, reader.Resolve(A)!.Version);
    }

    [Fact]
    public void LiveFiles_HandEditsSinceTheLastDeploy_AreTheEditedFilesFlaggedAsSuch()
    {
        var edited = LibraryFixture.Variant("edited by hand");
        _fx.WriteLive(edited);

        var live = _fx.Library.LiveFiles(A);

        Assert.Equal(edited, live.Files);
        Assert.Equal((1, true), (live.Version!.Version, live.HandEdited));
    }

    [Fact]
    public void LiveFiles_NoHistory_AreTheFilesAsTheyAreWithNoVersion()
    {
        using var fx = new LibraryFixture();

        var live = fx.Library.LiveFiles(A);

        Assert.Equal(LibraryFixture.Seed, live.Files);
        Assert.Null(live.Version);
        Assert.False(Directory.Exists(fx.HistoryDirectory));
    }

    [Fact]
    public void SetCanaryShare_OutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _fx.Library.SetCanaryShare(A, 1.5));
    }
}

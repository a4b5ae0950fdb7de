using Evolve.Kernel.Library;

namespace Evolve.Kernel.Tests.Library;

public sealed class PromptLibraryDiffTests : IDisposable
{
    private const string A = LibraryFixture.Agent;
    private readonly LibraryFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    [Fact]
    public void Diff_ChangedFiles_GivesUnifiedHunksPerFile()
    {
        _fx.Library.AddVersion(A, LibraryFixture.Variant("v2"), new VersionMetadata());

        var diff = _fx.Library.Diff(A, 1, 2);

        Assert.Equal(
            """
            --- a/heuristics.yaml@1
            +++ b/heuristics.yaml@2
            @@ -1,1 +1,1 @@
            -self_test: false
            +self_test: true
            --- a/system.sbn@1
            +++ b/system.sbn@2
            @@ -1,1 +1,1 @@
            -You are careful.
            +You are careful. v2

            """,
            diff);
    }

    [Fact]
    public void Diff_SameVersion_IsEmpty()
    {
        _fx.Library.Initialize(A);

        Assert.Equal(string.Empty, _fx.Library.Diff(A, 1, 1));
    }
}

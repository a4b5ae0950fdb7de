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

    [Fact]
    public void LineDiff_ChangesFarApart_GivesSeparateHunksWithThreeLinesOfContext()
    {
        var old = string.Join("\n", Enumerable.Range(1, 20).Select(i => $"line {i}")) + "\n";
        var updated = old.Replace("line 2\n", "line two\n", StringComparison.Ordinal).Replace("line 18\n", "line eighteen\n", StringComparison.Ordinal) + "line 21\n";
        var output = new System.Text.StringBuilder();

        LineDiff.Append(output, "a", "b", old, updated);

        Assert.Equal(
            """
            --- a
            +++ b
            @@ -1,5 +1,5 @@
             line 1
            -line 2
            +line two
             line 3
             line 4
             line 5
            @@ -15,6 +15,7 @@
             line 15
             line 16
             line 17
            -line 18
            +line eighteen
             line 19
             line 20
            +line 21

            """,
            output.ToString());
    }
}

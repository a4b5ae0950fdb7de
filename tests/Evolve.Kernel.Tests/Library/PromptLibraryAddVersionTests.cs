using System.Text.Json.Nodes;
using Evolve.Kernel.Library;

namespace Evolve.Kernel.Tests.Library;

public sealed class PromptLibraryAddVersionTests : IDisposable
{
    private readonly LibraryFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    [Fact]
    public void AddVersion_WithMetadata_StoresNumberedImmutableVersionNotLive()
    {
        _fx.Time.Advance(TimeSpan.FromHours(1));
        var evidence = JsonNode.Parse("""{"sim:coder":{"suite":"coding","split":"holdout","n":40,"score":0.82,"ci":[0.75,0.88]}}""")!.AsObject();
        var gates = JsonNode.Parse("""{"size":"pass","holdout":"pass"}""")!.AsObject();

        var version = _fx.Library.AddVersion(LibraryFixture.Agent, LibraryFixture.Variant("v2"), new VersionMetadata
        {
            Parents = [1], Operator = "reflect", RunId = "run-7", CandidateId = "abc123", Evidence = evidence, Gates = gates,
        });

        Assert.Equal(2, version);
        var shown = _fx.Library.Show(LibraryFixture.Agent, 2);
        Assert.Equal(LibraryFixture.Variant("v2"), shown.Files);
        Assert.Equal(ContentHash.Compute(LibraryFixture.Variant("v2")), shown.Metadata.Sha256);
        Assert.Equal([1], shown.Metadata.Parents);
        Assert.Equal(("reflect", "run-7", "abc123"), (shown.Metadata.Operator, shown.Metadata.RunId, shown.Metadata.CandidateId));
        Assert.Equal(0.82, shown.Metadata.Evidence!["sim:coder"]!["score"]!.GetValue<double>());
        Assert.Equal("pass", shown.Metadata.Gates!["holdout"]!.GetValue<string>());
        Assert.Equal(_fx.Time.GetUtcNow(), shown.Metadata.CreatedAt);
        Assert.Equal(1, _fx.Library.Channels(LibraryFixture.Agent)!.Live.Version);
        Assert.Equal(LibraryFixture.Seed, _fx.ReadLive());
        Assert.True(File.Exists(Path.Combine(_fx.HistoryDirectory, "versions", "2", "version.json")));
    }

    [Fact]
    public void AddVersion_Repeatedly_NumbersIncreaseAndEarlierVersionsStayUnchanged()
    {
        var a = _fx.Library.AddVersion(LibraryFixture.Agent, LibraryFixture.Variant("a"), new VersionMetadata());
        var b = _fx.Library.AddVersion(LibraryFixture.Agent, LibraryFixture.Variant("b"), new VersionMetadata { Parents = [a] });

        Assert.Equal((2, 3), (a, b));
        Assert.Equal(LibraryFixture.Variant("a"), _fx.Library.Show(LibraryFixture.Agent, 2).Files);
        Assert.Equal([1, 2, 3], _fx.Library.History(LibraryFixture.Agent).Select(v => v.Version));
    }

    [Fact]
    public void AddVersion_MissingExtraFileUnknownParentBadOperator_ListsEveryProblem()
    {
        var files = LibraryFixture.Variant("x");
        files.Remove("task.sbn");
        files["notes.md"] = "extra";

        var ex = Assert.Throws<InputException>(() => _fx.Library.AddVersion(LibraryFixture.Agent, files, new VersionMetadata { Parents = [9], Operator = "Bad Op" }));

        Assert.Equal(4, ex.Errors.Count);
        Assert.Contains(ex.Errors, e => e.Field == "files" && e.Message.Contains("'notes.md' is not an artifact of 'coder'", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Field == "files" && e.Message.Contains("artifact 'task.sbn' is missing", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Field == "parents" && e.Message.Contains("version 9 does not exist", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Field == "operator");

        // A refused first write initializes nothing.
        Assert.Empty(_fx.Library.History(LibraryFixture.Agent));
        Assert.False(Directory.Exists(_fx.HistoryDirectory));
    }

    [Fact]
    public void Show_TamperedVersionFile_FailsClosed()
    {
        _fx.Library.AddVersion(LibraryFixture.Agent, LibraryFixture.Variant("a"), new VersionMetadata());
        File.WriteAllText(Path.Combine(_fx.HistoryDirectory, "versions", "2", "system.sbn"), "tampered");

        var ex = Assert.Throws<InvalidOperationException>(() => _fx.Library.Show(LibraryFixture.Agent, 2));
        Assert.Contains("version 2 of 'coder' is corrupt", ex.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => _fx.Library.Deploy(LibraryFixture.Agent, 2));
        Assert.Equal(LibraryFixture.Seed, _fx.ReadLive());
    }

    [Fact]
    public void Show_UnknownVersion_ThrowsInputExceptionListingVersions()
    {
        _fx.Library.Initialize(LibraryFixture.Agent);

        var ex = Assert.Throws<InputException>(() => _fx.Library.Show(LibraryFixture.Agent, 5));
        Assert.Contains("agent 'coder' has no version 5 (versions: 1)", ex.Message, StringComparison.Ordinal);
    }
}

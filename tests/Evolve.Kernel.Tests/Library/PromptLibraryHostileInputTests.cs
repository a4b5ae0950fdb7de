using Evolve.Kernel.Library;

namespace Evolve.Kernel.Tests.Library;

public sealed class PromptLibraryHostileInputTests : IDisposable
{
    private const string A = LibraryFixture.Agent;
    private readonly LibraryFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    [Theory]
    [InlineData("../coder")]
    [InlineData("..")]
    [InlineData("/etc")]
    [InlineData("coder/../../x")]
    [InlineData("co\\der")]
    [InlineData("Coder")]
    [InlineData(".history")]
    [InlineData("")]
    [InlineData("a..b")]
    public void AnyOperation_HostileAgentName_ThrowsInputExceptionNamingTheAgentField(string agent)
    {
        var ex = Assert.Throws<InputException>(() => _fx.Library.Initialize(agent));
        Assert.Equal("agent", Assert.Single(ex.Errors).Field);
        Assert.Throws<InputException>(() => _fx.Library.Resolve(agent));
        Assert.Throws<InputException>(() => _fx.Library.History(agent));
    }

    [Theory]
    [InlineData("../agent.yaml")]
    [InlineData("/etc/passwd")]
    [InlineData("version.json")]
    [InlineData("sub/system.sbn")]
    [InlineData("..")]
    public void AddVersion_HostileFileName_IsRejectedAndNothingIsWrittenOutside(string name)
    {
        var files = LibraryFixture.Variant("x");
        files[name] = "pwned";

        var ex = Assert.Throws<InputException>(() => _fx.Library.AddVersion(A, files, new VersionMetadata()));

        Assert.Contains(ex.Errors, e => e.Message.Contains("is not an artifact of 'coder'", StringComparison.Ordinal));
        Assert.Empty(_fx.Library.History(A));
        Assert.DoesNotContain("pwned", File.ReadAllText(Path.Combine(_fx.AgentDirectory, "agent.yaml")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../outside.txt", "'../../outside.txt' resolves outside the agent folder")]
    [InlineData("version.json", "artifact 'version.json' must be a plain file name")]
    public void Initialize_AgentYamlDeclaresFileOutsideItsFolder_ThrowsInputException(string declared, string expected)
    {
        File.WriteAllText(Path.Combine(_fx.PromptsDirectory, "..", "outside.txt"), "secret");
        File.WriteAllText(Path.Combine(_fx.AgentDirectory, "version.json"), "{}");
        File.WriteAllText(Path.Combine(_fx.AgentDirectory, "agent.yaml"), $"system: {declared}\ntask: task.sbn\n");

        var ex = Assert.Throws<InputException>(() => _fx.Library.Initialize(A));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_fx.HistoryDirectory));
    }

    [Fact]
    public void Initialize_AgentFolderIsSymlink_ThrowsInputException()
    {
        var elsewhere = Path.Combine(_fx.PromptsDirectory, "..", "elsewhere");
        Directory.Move(_fx.AgentDirectory, elsewhere);
        Directory.CreateSymbolicLink(_fx.AgentDirectory, elsewhere);

        var ex = Assert.Throws<InputException>(() => _fx.Library.Initialize(A));

        Assert.Contains("is a symbolic link", ex.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(elsewhere, ".history")));
    }

    [Fact]
    public void Initialize_HistoryIsSymlinkOutside_ThrowsInputException()
    {
        var target = Directory.CreateDirectory(Path.Combine(_fx.PromptsDirectory, "..", "stolen")).FullName;
        Directory.CreateSymbolicLink(_fx.HistoryDirectory, target);

        Assert.Throws<InputException>(() => _fx.Library.Initialize(A));
        Assert.Empty(Directory.GetFileSystemEntries(target));
    }

    [Fact]
    public void Deploy_LiveFileReplacedBySymlink_RefusesAndLeavesTheTargetAlone()
    {
        var v2 = _fx.Library.AddVersion(A, LibraryFixture.Variant("two"), new VersionMetadata());
        var victim = Path.Combine(_fx.PromptsDirectory, "..", "victim.txt");
        File.WriteAllText(victim, "You are careful.\n");
        File.Delete(Path.Combine(_fx.AgentDirectory, "system.sbn"));
        File.CreateSymbolicLink(Path.Combine(_fx.AgentDirectory, "system.sbn"), victim);

        var ex = Assert.Throws<InputException>(() => _fx.Library.Deploy(A, v2));

        // The agent loader refuses the link before the library's own link check is reached.
        Assert.Contains("'system.sbn' is a link to ", ex.Message, StringComparison.Ordinal);
        Assert.Equal("You are careful.\n", File.ReadAllText(victim));
        File.Delete(Path.Combine(_fx.AgentDirectory, "system.sbn"));
        File.WriteAllText(Path.Combine(_fx.AgentDirectory, "system.sbn"), "You are careful.\n");
        Assert.Equal(1, _fx.Library.Resolve(A)!.Version);
    }

    [Fact]
    public void Initialize_UnknownAgent_ThrowsInputExceptionListingAgents()
    {
        var ex = Assert.Throws<InputException>(() => _fx.Library.Initialize("nobody"));

        Assert.Contains("agent 'nobody' not found (agents: coder)", ex.Message, StringComparison.Ordinal);
    }
}

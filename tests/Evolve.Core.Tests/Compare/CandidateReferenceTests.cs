using Evolve.Core.Compare;
using Evolve.Kernel;

namespace Evolve.Core.Tests.Compare;

public sealed class CandidateReferenceTests
{
    [Theory]
    [InlineData("coding@live", "coding", "live")]
    [InlineData("coding@canary", "coding", "canary")]
    [InlineData("coding@3", "coding", "3")]
    public void Parse_AgentAtChannelOrNumber_IsLibraryVersion(string text, string agent, string selector)
    {
        var reference = CandidateReference.Parse("A", text, Path.GetTempPath());

        Assert.Equal((CandidateReferenceKind.LibraryVersion, agent, selector), (reference.Kind, reference.Name, reference.Selector));
    }

    [Fact]
    public void Parse_ExistingFileAndAgentFolder_AreResolvedFromTheWorkingDirectory()
    {
        using var dir = CompareWorkspace.Create();

        var file = CandidateReference.Parse("B", "careful.sbn", dir.Path);
        var folder = CandidateReference.Parse("A", "prompts/calc", dir.Path);

        Assert.Equal((CandidateReferenceKind.PromptFile, Path.Combine(dir.Path, "careful.sbn")), (file.Kind, file.Path));
        Assert.Equal((CandidateReferenceKind.AgentFolder, Path.Combine(dir.Path, "prompts", "calc")), (folder.Kind, folder.Path));
    }

    [Theory]
    [InlineData("20260101-120000-calc-run-a1b2c3", "20260101-120000-calc-run-a1b2c3", "best")]
    [InlineData("2026010", "2026010", "best")]
    [InlineData("r1:best", "r1", "best")]
    [InlineData("r1:seed", "r1", "seed")]
    [InlineData("r1:3F2a", "r1", "3f2a")]
    public void Parse_RunForms_AreRunCandidates(string text, string run, string selector)
    {
        var reference = CandidateReference.Parse("A", text, Path.GetTempPath());

        Assert.Equal((CandidateReferenceKind.RunCandidate, run, selector), (reference.Kind, reference.Name, reference.Selector));
    }

    [Theory]
    [InlineData("", "name a prompt file")]
    [InlineData("missing.sbn", "file not found: ")]
    [InlineData("some/where/missing", "file not found: ")]
    [InlineData("../../../etc@live", "file not found: ")]
    [InlineData("prompts", "has no agent.yaml, so it is not an agent folder")]
    [InlineData("r1:zz", "is not a prompt file, an agent folder, a library version")]
    [InlineData("Coding@live", "is not a prompt file, an agent folder, a library version")]
    [InlineData("coding@0", "is not a prompt file, an agent folder, a library version")]
    [InlineData("a\0b", "is not a usable reference")]
    public void Parse_BadReference_ThrowsNamingTheArgument(string text, string message)
    {
        using var dir = CompareWorkspace.Create();

        var error = Assert.Throws<InputException>(() => CandidateReference.Parse("B", text, dir.Path));

        var single = Assert.Single(error.Errors);
        Assert.Equal("B", single.File);
        Assert.Contains(message, single.Message, StringComparison.Ordinal);
    }
}

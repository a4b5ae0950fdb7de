using Evolve.Core.Suites;

namespace Evolve.Core.Tests.Suites;

/// <summary>Suite and agent names are identifiers; case paths stay inside the suite folder, links included.</summary>
public sealed class SuiteLoaderPathTests : IDisposable
{
    private readonly TempEvals _evals = new();

    public void Dispose() => _evals.Dispose();

    [Theory]
    [InlineData("name", "../../escaped")]
    [InlineData("name", "a/b")]
    [InlineData("agent", "../prompts-elsewhere/x")]
    public void Load_NameOrAgentThatIsAPath_IsAnErrorOnItsLine(string field, string value)
    {
        _evals.Write("s/suite.yaml", $"agent: a\n{field}: '{value}'\ncases: [c.yaml]\n".Replace("agent: a\nagent:", "agent:", StringComparison.Ordinal));
        _evals.Write("s/c.yaml", "- id: one\n");

        var error = LoadErrors.Single(_evals, "s");

        Assert.Equal((_evals.PathOf("s", "suite.yaml"), field), (error.File, error.Field));
        Assert.Equal($"'{value}' is not {(field == "name" ? "a suite" : "an agent")} name (lower-case letters, digits, '.', '_', '-'; no path separators or '..')", error.Message);
    }

    [Theory]
    [InlineData("../other/c.yaml")]
    [InlineData("sub/../../other/c.yaml")]
    [InlineData("../other/*.yaml")]
    [InlineData("**/../../other/*.yaml")]
    public void Load_CaseEntryClimbingOut_IsAnErrorOnTheEntryLine(string entry)
    {
        _evals.Write("other/c.yaml", "- id: stolen\n");
        _evals.Write("s/suite.yaml", $"agent: a\ncases:\n  - c.yaml\n  - '{entry}'\n");
        _evals.Write("s/c.yaml", "- id: one\n");
        Directory.CreateDirectory(Path.Combine(_evals.EvalsDir, "s", "sub"));

        var error = LoadErrors.Single(_evals, "s");

        Assert.Equal((_evals.PathOf("s", "suite.yaml"), (int?)4, "cases"), (error.File, error.Line, error.Field));
        Assert.Equal($"'{entry}' is outside the suite folder; case paths are relative to it and may not use '..'", error.Message);
    }

    [Fact]
    public void Load_AbsoluteCaseEntry_IsAnError()
    {
        var outside = _evals.Write("other/c.yaml", "- id: stolen\n");
        _evals.Write("s/suite.yaml", $"agent: a\ncases: ['{outside}']\n");

        var error = LoadErrors.Single(_evals, "s");

        Assert.Equal(((int?)2, "cases"), (error.Line, error.Field));
        Assert.StartsWith($"'{outside}' is outside the suite folder", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("link.yaml")]
    [InlineData("*.yaml")]
    [InlineData(null)]
    public void Load_CaseFileLinkedOutside_IsAnError(string? entry)
    {
        var outside = _evals.Write("other/c.yaml", "- id: stolen\n");
        _evals.Write("s/suite.yaml", entry is null ? "agent: a\n" : $"agent: a\ncases: ['{entry}']\n");
        File.CreateSymbolicLink(_evals.PathOf("s", "link.yaml"), outside);

        var error = LoadErrors.Single(_evals, "s");

        Assert.Equal((_evals.PathOf("s", "suite.yaml"), "cases"), (error.File, error.Field));
        Assert.Equal($"'link.yaml' is a link to {outside}, outside the suite folder", error.Message);
    }

    [Fact]
    public void Load_CaseFolderLinkedOutside_IsAnError()
    {
        _evals.Write("other/c.yaml", "- id: stolen\n");
        _evals.Write("s/suite.yaml", "agent: a\ncases: ['cases/*.yaml']\n");
        Directory.CreateSymbolicLink(_evals.PathOf("s", "cases"), Path.Combine(_evals.EvalsDir, "other"));

        var error = LoadErrors.Single(_evals, "s");

        Assert.Equal(((int?)2, "cases"), (error.Line, error.Field));
        Assert.StartsWith("'cases/c.yaml' is a link to ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LinkInsideTheSuiteFolder_Loads()
    {
        _evals.Write("s/suite.yaml", "agent: a\ncases: [link.yaml]\n");
        _evals.Write("s/data/c.yaml", "- id: one\n");
        File.CreateSymbolicLink(_evals.PathOf("s", "link.yaml"), "data/c.yaml");

        var suite = SuiteLoader.Load(_evals.EvalsDir, "s");

        Assert.Equal("one", Assert.Single(suite.Cases).Id);
    }
}

using Evolve.Core.Suites;
using Evolve.Kernel;

namespace Evolve.Core.Tests.Suites;

/// <summary>Hostile or broken bytes in suite files are refused with their file and line, quickly.</summary>
public sealed class SuiteLoaderBoundsTests : IDisposable
{
    private readonly TempEvals _evals = new();

    public void Dispose() => _evals.Dispose();

    [Fact]
    public async Task Load_AliasBombInSuiteYaml_IsRefusedNamingFileAndLine()
    {
        _evals.Write("s/suite.yaml", "agent: a\ncases: [c.yaml]\ndescription: x\n" + "split:\n" + YamlBomb.Anchors("  "));
        _evals.Write("s/c.yaml", "- id: one\n");

        var errors = await YamlBomb.Bounded(() => LoadErrors.Of(_evals, "s"));

        var error = Assert.Single(errors);
        Assert.Equal(_evals.PathOf("s", "suite.yaml"), error.File);
        Assert.InRange(error.Line ?? 0, 5, 14);
        Assert.StartsWith("YAML refused: the document expands to more than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_AliasBombInCaseVars_IsRefusedNamingFileAndLine()
    {
        _evals.Write("s/suite.yaml", "agent: a\ncases: [c.yaml]\n");
        _evals.Write("s/c.yaml", "- id: one\n  vars:\n" + YamlBomb.Anchors("    "));

        var errors = await YamlBomb.Bounded(() => LoadErrors.Of(_evals, "s"));

        var error = Assert.Single(errors);
        Assert.Equal(_evals.PathOf("s", "c.yaml"), error.File);
        Assert.InRange(error.Line ?? 0, 4, 12);
        Assert.Contains("aliases counted in full", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NestingDeeperThanTheLimit_IsRefusedWithItsLine()
    {
        _evals.Write("s/suite.yaml", "agent: a\ncases: [c.yaml]\n");
        _evals.Write("s/c.yaml", "- id: one\n  vars:\n    deep: " + new string('[', 100) + new string(']', 100) + "\n");

        var error = LoadErrors.Single(_evals, "s");

        Assert.Equal((_evals.PathOf("s", "c.yaml"), (int?)3), (error.File, error.Line));
        Assert.Equal("YAML refused: nesting is deeper than 64 levels", error.Message);
    }

    [Fact]
    public void Load_AFewAliasesWellInsideTheLimits_StillLoad()
    {
        _evals.Write("s/suite.yaml", "agent: a\ncases: [c.yaml]\n");
        _evals.Write("s/c.yaml", "- id: one\n  vars: &v { a: 1, b: [x, y] }\n- id: two\n  vars: *v\n");

        var suite = SuiteLoader.Load(_evals.EvalsDir, "s");

        Assert.Equal(suite.Cases[0].Vars, suite.Cases[1].Vars);
    }

    [Theory]
    [InlineData("suite.yaml", "agent: a\ncases: [c.yaml]\ndescription: caf\xE9\n", 3)]
    [InlineData("c.yaml", "- id: one\n- id: two\n  vars: { a: caf\xE9 }\n", 3)]
    [InlineData("c.jsonl", "{\"id\": \"one\"}\n{\"id\": \"caf\xE9\"}\n", 2)]
    [InlineData("c.csv", "q,__expected\nfine,ok\ncaf\xE9,ok\n", 3)]
    public void Load_InvalidUtf8_NamesFileAndLine(string file, string latin1, int line)
    {
        var suiteYaml = file == "suite.yaml" ? latin1 : $"agent: a\ncases: [{file}]\n";
        WriteLatin1("s/suite.yaml", suiteYaml);
        if (file != "suite.yaml")
        {
            WriteLatin1($"s/{file}", latin1);
        }
        else
        {
            _evals.Write("s/c.yaml", "- id: one\n");
        }

        var error = LoadErrors.Single(_evals, "s");

        Assert.Equal((_evals.PathOf("s", file), (int?)line), (error.File, error.Line));
        Assert.StartsWith("the file is not valid UTF-8 text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Utf16WithByteOrderMark_IsRead()
    {
        _evals.Write("s/suite.yaml", "agent: a\ncases: [c.yaml]\n");
        var path = _evals.PathOf("s", "c.yaml");
        File.WriteAllText(path, "- id: caf\u00e9\n", new System.Text.UnicodeEncoding(bigEndian: false, byteOrderMark: true));

        var suite = SuiteLoader.Load(_evals.EvalsDir, "s");

        Assert.Equal("caf\u00e9", Assert.Single(suite.Cases).Id);
    }

    // Latin-1 writes each char below 256 as one byte, so \xE9 lands as a lone byte that is not UTF-8.
    private void WriteLatin1(string relative, string text)
    {
        var path = Path.Combine(_evals.EvalsDir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, System.Text.Encoding.Latin1.GetBytes(text));
    }
}

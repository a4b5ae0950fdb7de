using Evolve.Core.Suites;

namespace Evolve.Core.Tests.Suites;

public sealed class SuiteLoaderTests : IDisposable
{
    private readonly TempEvals _evals = new();

    public void Dispose() => _evals.Dispose();

    [Fact]
    public void Load_YamlSuiteWithEveryField_ReadsEveryField()
    {
        _evals.Write("coding/suite.yaml", """
            name: coding
            description: Python functions
            agent: coder
            cases: [cases.yaml]
            default_assert:
              - type: python-tests
            repeat: 3
            """);
        _evals.Write("coding/cases.yaml", """
            - id: sum-even
              description: Sum the even numbers
              vars: { name: sum_even, count: 3, ratio: 0.5, flag: true, quoted: "7" }
              expected: |
                def sum_even(xs): ...
              assert:
                - type: contains
                  value: "def sum_even"
                  weight: 0.5
                  metric: format
                - type: not-icontains
                  value: TODO
                - levenshtein: abc
                - "regex:^def"
              split: holdout
              tags: [lists]
              hints: [empty list, negative numbers]
              difficulty: 0.4
              threshold: 0.8
              metadata: { source: handwritten }
            """);

        var suite = SuiteLoader.Load(_evals.EvalsDir, "coding");

        Assert.Equal(("coding", "coder", "Python functions", 3), (suite.Name, suite.Agent, suite.Description, suite.Repeat));
        Assert.Equal("python-tests", Assert.Single(suite.DefaultAssertions).Type);
        var c = Assert.Single(suite.Cases);
        Assert.Equal("sum-even", c.Id);
        Assert.Equal("Sum the even numbers", c.Description);
        Assert.Equal("sum_even", c.Vars["name"]);
        Assert.Equal(3L, c.Vars["count"]);
        Assert.Equal(0.5, c.Vars["ratio"]);
        Assert.Equal(true, c.Vars["flag"]);
        Assert.Equal("7", c.Vars["quoted"]);
        Assert.Equal("def sum_even(xs): ...\n", c.Expected);
        Assert.Equal(["contains", "icontains", "levenshtein", "regex"], c.Assertions.Select(a => a.Type));
        Assert.Equal([false, true, false, false], c.Assertions.Select(a => a.Negate));
        Assert.Equal((0.5, "format", "def sum_even"), (c.Assertions[0].Weight, c.Assertions[0].Metric, (string?)c.Assertions[0].Value));
        Assert.Equal("not-icontains", c.Assertions[1].DisplayType);
        Assert.Equal("abc", c.Assertions[2].Value);
        Assert.Equal("^def", c.Assertions[3].Value);
        Assert.Equal(11, c.Assertions[1].Source.Line);
        Assert.Equal(Split.Holdout, c.Split);
        Assert.Equal(["lists"], c.Tags);
        Assert.Equal(["empty list", "negative numbers"], c.Hints);
        Assert.Equal((0.4, 0.8), (c.Difficulty, c.Threshold));
        Assert.Equal("handwritten", c.Metadata["source"]);
        Assert.Equal(new SourceLocation(_evals.PathOf("coding", "cases.yaml"), 1), c.Source);
    }

    [Fact]
    public void Load_MapWithCasesKeyJsonlAndCsv_ReadsAllFilesInEntryOrder()
    {
        _evals.Write("mixed/suite.yaml", "agent: a\ncases:\n  - b.yaml\n  - a.jsonl\n  - c.csv\n");
        _evals.Write("mixed/b.yaml", "cases:\n  - vars: { q: one }\n  - vars: { q: two }\n");
        _evals.Write("mixed/a.jsonl", "{\"id\": \"j1\", \"vars\": {\"q\": \"three\"}, \"assert\": [\"contains:x\"]}\n\n{\"vars\": {\"q\": \"four\"}}\n");
        _evals.Write("mixed/c.csv", "q,__expected\nfive,hello\n");

        var suite = SuiteLoader.Load(_evals.EvalsDir, "mixed");

        Assert.Equal(["b-1", "b-2", "j1", "a-2", "c-1"], suite.Cases.Select(c => c.Id));
        Assert.Equal(["one", "two", "three", "four", "five"], suite.Cases.Select(c => c.Vars["q"]));
        Assert.Equal(3, suite.Cases[3].Source.Line);
        Assert.Equal("equals", Assert.Single(suite.Cases[4].Assertions).Type);
    }

    [Fact]
    public void Load_GlobEntries_MatchFilesInOrdinalOrderOnce()
    {
        _evals.Write("g/suite.yaml", "agent: a\ncases: ['cases/*.yaml', 'cases/**/*.yaml', cases/b.yaml]\n");
        _evals.Write("g/cases/b.yaml", "- id: b\n");
        _evals.Write("g/cases/a.yaml", "- id: a\n");
        _evals.Write("g/cases/deep/c.yaml", "- id: c\n");

        var suite = SuiteLoader.Load(_evals.EvalsDir, "g");

        Assert.Equal(["a", "b", "c"], suite.Cases.Select(c => c.Id));
    }

    [Fact]
    public void Load_NoCasesEntryNoNameNoAgent_ReadsFolderAndDefaultsToFolderName()
    {
        _evals.Write("folder/suite.yaml", "description: d\n");
        _evals.Write("folder/one.yaml", "- id: x\n");
        _evals.Write("folder/notes.txt", "not a case file");

        var suite = SuiteLoader.Load(_evals.EvalsDir, "folder");

        Assert.Equal(("folder", "folder"), (suite.Name, suite.Agent));
        Assert.Equal("x", Assert.Single(suite.Cases).Id);
    }

    [Fact]
    public void LoadFile_SuiteYamlPath_LoadsAndNamesFilesRelativeToIt()
    {
        var path = _evals.Write("byfile/suite.yaml", "agent: a\ncases: [c.yaml]\n");
        _evals.Write("byfile/c.yaml", "- id: one\n");

        var suite = SuiteLoader.LoadFile(path);

        Assert.Equal(Path.Combine(_evals.EvalsDir, "byfile", "c.yaml"), suite.Cases[0].Source.File);
    }

    [Fact]
    public void Load_EveryCase_GetsASplit()
    {
        _evals.Write("s/suite.yaml", "agent: a\ncases: [c.yaml]\nsplit: { train: 1, val: 1, holdout: 1, seed: 3 }\n");
        _evals.Write("s/c.yaml", string.Concat(Enumerable.Range(0, 9).Select(i => $"- id: c{i}\n")));

        var suite = SuiteLoader.Load(_evals.EvalsDir, "s");

        Assert.All(suite.Cases, c => Assert.NotNull(c.Split));
        Assert.Equal([3, 3, 3], new[] { Split.Train, Split.Val, Split.Holdout }.Select(s => suite.InSplit(s).Count()));
    }

    [Fact]
    public void Load_SameFilesTwice_GivesSameContentHash()
    {
        _evals.Write("h/suite.yaml", "agent: a\ncases: [c.yaml]\n");
        _evals.Write("h/c.yaml", "- id: one\n");

        var first = SuiteLoader.Load(_evals.EvalsDir, "h").ContentHash;
        var second = SuiteLoader.Load(_evals.EvalsDir, "h").ContentHash;

        Assert.Equal(first, second);
        Assert.Matches("^[0-9a-f]{64}$", first);
    }

    [Fact]
    public void Load_CaseFileEdited_ChangesContentHash()
    {
        _evals.Write("h/suite.yaml", "agent: a\ncases: [c.yaml]\n");
        _evals.Write("h/c.yaml", "- id: one\n");
        var before = SuiteLoader.Load(_evals.EvalsDir, "h").ContentHash;

        _evals.Write("h/c.yaml", "- id: two\n");

        Assert.NotEqual(before, SuiteLoader.Load(_evals.EvalsDir, "h").ContentHash);
    }

    [Fact]
    public void Load_TypeNotScoredYet_KeepsItWithAWarning()
    {
        _evals.Write("r/suite.yaml", "agent: a\ncases: [c.yaml]\n");
        _evals.Write("r/c.yaml", "- id: one\n  assert: [{ type: moderation, value: is polite }]\n");

        var suite = SuiteLoader.Load(_evals.EvalsDir, "r");

        Assert.Equal("moderation", Assert.Single(suite.Cases[0].Assertions).Type);
        var warning = Assert.Single(suite.UnscoredWarnings());
        Assert.StartsWith(_evals.PathOf("r", "c.yaml") + ":2: 1 'moderation' assertion(s) scored as errors", warning, StringComparison.Ordinal);
        Assert.Contains("calls an outside service", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_StructuredExpected_IsKeptAsJsonText()
    {
        _evals.Write("j/suite.yaml", "agent: a\ncases: [c.yaml]\n");
        _evals.Write("j/c.yaml", "- id: one\n  expected: { name: Ada, age: 36 }\n");

        var suite = SuiteLoader.Load(_evals.EvalsDir, "j");

        Assert.Equal("{\"name\":\"Ada\",\"age\":36}", suite.Cases[0].Expected);
    }
}

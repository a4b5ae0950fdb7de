using Evolve.Core.Suites;
using Evolve.Kernel;

namespace Evolve.Core.Tests.Suites;

public sealed class SuiteLoaderErrorTests : IDisposable
{
    private readonly TempEvals _evals = new();

    public void Dispose() => _evals.Dispose();

    [Fact]
    public void Load_MissingSuite_ListsTheSuitesThatExist()
    {
        _evals.Write("beta/suite.yaml", "agent: a\n");
        _evals.Write("alpha/suite.yaml", "agent: a\n");
        Directory.CreateDirectory(Path.Combine(_evals.EvalsDir, "not-a-suite"));

        var error = LoadErrors.Single(_evals, "alpah");

        Assert.Equal((Path.Combine(_evals.EvalsDir, "alpah"), (int?)null, (string?)null), (error.File, error.Line, error.Field));
        Assert.Contains("no suite named 'alpah'", error.Message, StringComparison.Ordinal);
        Assert.Contains("(did you mean 'alpha'?)", error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"suites in '{_evals.EvalsDir}': alpha, beta", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingCaseFileAndEmptyGlob_NameTheEntryLines()
    {
        _evals.Write("s/suite.yaml", "agent: a\ncases:\n  - here.yaml\n  - gone.yaml\n  - 'more/*.csv'\n");
        _evals.Write("s/here.yaml", "- id: one\n");

        var errors = LoadErrors.Of(_evals, "s");

        Assert.Equal(2, errors.Count);
        Assert.Equal((_evals.PathOf("s", "suite.yaml"), (int?)4, "cases"), (errors[0].File, errors[0].Line, errors[0].Field));
        Assert.StartsWith("case file 'gone.yaml' does not exist", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(((int?)5, "cases"), (errors[1].Line, errors[1].Field));
        Assert.StartsWith("'more/*.csv' matches no files", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MalformedSuiteYaml_GivesYamlDotNetsLine()
    {
        _evals.Write("s/suite.yaml", "agent: a\ncases: [c.yaml\nrepeat: 2\n");

        var error = LoadErrors.Single(_evals, "s");

        Assert.Equal(_evals.PathOf("s", "suite.yaml"), error.File);
        Assert.Equal(2, error.Line);
        Assert.Matches("^malformed YAML (at|near) column [0-9]+", error.Message);
    }

    [Fact]
    public void Load_MalformedCaseYaml_GivesLineAndColumn()
    {
        _evals.Write("s/suite.yaml", "agent: a\ncases: [c.yaml]\n");
        _evals.Write("s/c.yaml", "- id: one\n  vars: { a: 1\n- id: two\n  description: \"unclosed\n");

        var error = LoadErrors.Single(_evals, "s");

        Assert.Equal(_evals.PathOf("s", "c.yaml"), error.File);
        Assert.NotNull(error.Line);
        Assert.InRange(error.Line!.Value, 2, 4);
        Assert.Matches("^malformed YAML (at|near) column [0-9]+", error.Message);
    }

    [Fact]
    public void Load_MalformedJsonLine_NamesItsLine()
    {
        _evals.Write("s/suite.yaml", "agent: a\ncases: [c.jsonl]\n");
        _evals.Write("s/c.jsonl", "{\"id\": \"a\"}\n\n{\"id\": \"b\",}\n[1, 2]\n");

        var errors = LoadErrors.Of(_evals, "s");

        Assert.Equal(2, errors.Count);
        Assert.Equal((_evals.PathOf("s", "c.jsonl"), (int?)3, (string?)null), (errors[0].File, errors[0].Line, errors[0].Field));
        Assert.StartsWith("malformed JSON at column", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(((int?)4, "each line must be a JSON object (one case)"), (errors[1].Line, errors[1].Message));
    }

    [Fact]
    public void Load_CsvRowWithWrongCellCount_NamesThePhysicalLineWhereTheRecordStarts()
    {
        _evals.Write("s/suite.yaml", "agent: a\ncases: [c.csv]\n");
        _evals.Write("s/c.csv", "q,__expected\n\"multi\nline\",ok\n\"again\nand\nagain\",ok,extra\n");

        var error = LoadErrors.Single(_evals, "s");

        Assert.Equal((_evals.PathOf("s", "c.csv"), (int?)4, (string?)null), (error.File, error.Line, error.Field));
        Assert.Equal("the row has 3 cells but the header has 2 columns", error.Message);
    }

    [Fact]
    public void Load_UnknownAssertionType_SuggestsTheClosestType()
    {
        _evals.Write("s/suite.yaml", "agent: a\ncases: [c.yaml]\n");
        _evals.Write("s/c.yaml", "- id: one\n  assert:\n    - type: equals\n      value: x\n    - type: not-icontans\n      value: y\n");

        var error = LoadErrors.Single(_evals, "s");

        Assert.Equal((_evals.PathOf("s", "c.yaml"), (int?)5, "assert[1].type"), (error.File, error.Line, error.Field));
        Assert.StartsWith("unknown assertion type 'not-icontans' (did you mean 'icontains'?); known types: answer-relevance, assert-set, bleu, contains,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TypesNotScoredYet_LoadAndSayWhereAndWhy()
    {
        _evals.Write("s/suite.yaml", "agent: a\ncases: [c.yaml]\ndefault_assert:\n  - type: moderation\n");
        _evals.Write("s/c.yaml", "- id: one\n  assert: ['webhook:is polite', 'contains:hi']\n- id: two\n  assert: ['webhook:is kind']\n");

        var suite = SuiteLoader.Load(_evals.EvalsDir, "s");

        Assert.Equal(2, suite.Cases.Count);
        Assert.Equal(
            [
                $"{_evals.PathOf("s", "suite.yaml")}:4: 1 'moderation' assertion(s) scored as errors, the rest of each case is scored: calls an outside service, which Evolve does not do",
                $"{_evals.PathOf("s", "c.yaml")}:2: 2 'webhook' assertion(s) scored as errors, the rest of each case is scored: calls an outside service, which Evolve does not do",
            ],
            suite.UnscoredWarnings());
        Assert.Single(suite.UnscoredWarnings([suite.Cases[1]]), w => w.Contains("1 'webhook'", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_DuplicateIdAcrossFiles_NamesBothPlaces()
    {
        _evals.Write("s/suite.yaml", "agent: a\ncases: [a.yaml, b.csv]\n");
        _evals.Write("s/a.yaml", "- id: first\n- id: twice\n");
        _evals.Write("s/b.csv", "q,__id\nx,other\ny,twice\n");

        var error = LoadErrors.Single(_evals, "s");

        Assert.Equal((_evals.PathOf("s", "b.csv"), (int?)3, "id"), (error.File, error.Line, error.Field));
        Assert.Equal($"duplicate case id 'twice': already used at {_evals.PathOf("s", "a.yaml")}:2", error.Message);
    }

    [Theory]
    [InlineData("split: testing", "split", "unknown split 'testing'; use train, val or holdout")]
    [InlineData("difficulty: 1.5", "difficulty", "difficulty must be a number between 0 and 1, not '1.5'")]
    [InlineData("threshold: -0.1", "threshold", "threshold must be a number between 0 and 1, not '-0.1'")]
    [InlineData("vars: [a, b]", "vars", "vars must be a map of names to values, not a list")]
    [InlineData("tags: [[nested]]", "tags", "tags must be a list of short texts")]
    [InlineData("assert: [{ type: f1, threshold: 1.2 }]", "assert[0].threshold", "threshold must be between 0 and 1, not 1.2")]
    [InlineData("assert: [{ type: levenshtein, threshold: -1 }]", "assert[0].threshold", "threshold of levenshtein is a maximum distance and must be at least 0, not -1")]
    [InlineData("assert: [{ type: contains, weight: -2 }]", "assert[0].weight", "weight must be a number of at least 0, not '-2'")]
    [InlineData("assert: [{ type: contains, vaule: x }]", "assert[0].vaule", "unknown assertion field 'vaule' (did you mean 'value'?); known fields: type, value, threshold, weight, metric")]
    [InlineData("assert: [{ type: regex, value: 'a(b' }]", "assert[0].value", "the pattern \"a(b\" is not a valid regular expression")]
    [InlineData("assert: [{ value: x }]", "assert[0].type", "an assertion needs a type")]
    [InlineData("assert: [{ type: word-count, value: banana }]", "assert[0].value", "word-count value must be a whole number of words (or the value a {min, max} map), not \"banana\"")]
    [InlineData("assert: [{ type: numeric, value: lots }]", "assert[0].value", "numeric needs a number as its value, not \"lots\"")]
    [InlineData("expcted: x", "expcted", "unknown field 'expcted' (did you mean 'expected'?); known fields: id, description, vars, expected")]
    public void Load_BadCaseField_NamesFileLineAndField(string line, string field, string message)
    {
        _evals.Write("s/suite.yaml", "agent: a\ncases: [c.yaml]\n");
        _evals.Write("s/c.yaml", $"- id: fine\n- id: bad\n  {line}\n");

        var error = LoadErrors.Single(_evals, "s");

        Assert.Equal((_evals.PathOf("s", "c.yaml"), (int?)3, field), (error.File, error.Line, error.Field));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("split: { train: 1, tarin: 2 }", 2, "split.tarin", "unknown split 'tarin' (did you mean 'train'?); use train, val, holdout and seed")]
    [InlineData("split: { train: -1 }", 2, "split.train", "the share of train must be a number of at least 0, not '-1'")]
    [InlineData("split: { train: 0, val: 0, holdout: 0 }", 2, "split", "at least one of train, val and holdout must have a share above 0")]
    [InlineData("repeat: 0", 2, "repeat", "repeat must be a whole number from 1 to 1000, not '0'")]
    [InlineData("agnet: a", 2, "agnet", "unknown field 'agnet' (did you mean 'agent'?)")]
    public void Load_BadSuiteField_NamesFileLineAndField(string line, int lineNumber, string field, string message)
    {
        _evals.Write("s/suite.yaml", $"cases: [c.yaml]\n{line}\n");
        _evals.Write("s/c.yaml", "- id: fine\n");

        var error = LoadErrors.Single(_evals, "s");

        Assert.Equal((_evals.PathOf("s", "suite.yaml"), (int?)lineNumber, field), (error.File, error.Line, error.Field));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("c.yaml", "- id: one\n- just text\n", 2, "cases[1]", "a case must be a map of fields")]
    [InlineData("c.yaml", "tests:\n  - id: one\n", 1, "tests", "unknown key 'tests'; a case file map holds only 'cases:'")]
    [InlineData("c.yaml", "cases: one\n", 1, "cases", "'cases' must be a list of cases")]
    [InlineData("c.txt", "id: one\n", null, null, "unsupported case file type; use .yaml, .yml, .jsonl, .csv")]
    [InlineData("c.csv", "q,,__expected\nx,y,z\n", 1, "column 2", "the column has no name")]
    [InlineData("c.csv", "q,q\nx,y\n", 1, "q", "column 'q' appears more than once in the header")]
    public void Load_BadCaseFileShape_NamesFileLineAndField(string file, string text, int? line, string? field, string message)
    {
        _evals.Write("s/suite.yaml", $"agent: a\ncases: [{file}]\n");
        _evals.Write($"s/{file}", text);

        var error = LoadErrors.Of(_evals, "s")[0];

        Assert.Equal((_evals.PathOf("s", file), line, field), (error.File, error.Line, error.Field));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SuiteWithNoCases_IsAnError()
    {
        _evals.Write("s/suite.yaml", "agent: a\ncases: [c.yaml]\n");
        _evals.Write("s/c.yaml", "[]\n");

        var error = LoadErrors.Single(_evals, "s");

        Assert.Equal((_evals.PathOf("s", "suite.yaml"), (int?)null, "cases"), (error.File, error.Line, error.Field));
        Assert.StartsWith("the suite has no cases", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ManyProblems_ReportsAllInOneMessage()
    {
        _evals.Write("s/suite.yaml", "agent: a\ncases: [c.yaml, d.csv, missing.yaml]\nsplit: { train: 1, tset: 1 }\n");
        _evals.Write("s/c.yaml", "- id: a\n  split: tarin\n- id: a\n  difficulty: 2\n");
        _evals.Write("s/d.csv", "q,__expected,__spilt\nx,y,z\n");
        var p = Path.Combine(_evals.EvalsDir, "s");

        var exception = Assert.Throws<InputException>(() => SuiteLoader.Load(_evals.EvalsDir, "s"));

        var expected = string.Join(Environment.NewLine,
            $"{p}/suite.yaml:3: split.tset: unknown split 'tset'; use train, val, holdout and seed",
            $"{p}/suite.yaml:2: cases: case file 'missing.yaml' does not exist (looked for {p}/missing.yaml)",
            $"{p}/c.yaml:2: split: unknown split 'tarin'; use train, val or holdout",
            $"{p}/c.yaml:4: difficulty: difficulty must be a number between 0 and 1, not '2'",
            $"{p}/d.csv:1: __spilt: unknown reserved column '__spilt'; reserved columns are "
                + "__expected, __expected1..N, __description, __prefix, __suffix, __metric, __threshold, __split, __id, __metadata:key, __metadata:key[], __config:__expected[N]:threshold");
        Assert.Equal(expected, exception.Message);
    }
}

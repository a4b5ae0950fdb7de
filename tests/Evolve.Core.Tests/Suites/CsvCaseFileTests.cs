using Evolve.Core.Suites;

namespace Evolve.Core.Tests.Suites;

public sealed class CsvCaseFileTests : IDisposable
{
    private readonly TempEvals _evals = new();

    public void Dispose() => _evals.Dispose();

    private IReadOnlyList<EvalCase> Load(string csv)
    {
        _evals.Write("s/suite.yaml", "agent: a\ncases: [t.csv]\n");
        _evals.Write("s/t.csv", csv);
        return SuiteLoader.Load(_evals.EvalsDir, "s").Cases;
    }

    [Fact]
    public void Load_ExpectedCells_FollowPromptfooGrammar()
    {
        var cases = Load(
            "q,__expected,__expected1,__expected2,__expected3,__expected4\n"
            + "x,contains: foo,not-icontains:Bar,levenshtein(3):kitten,plain text: with colon,is-json\n");

        var a = Assert.Single(cases).Assertions;
        Assert.Equal(["contains", "icontains", "levenshtein", "equals", "is-json"], a.Select(s => s.Type));
        Assert.Equal([false, true, false, false, false], a.Select(s => s.Negate));
        Assert.Equal("foo", a[0].Value);
        Assert.Equal("Bar", a[1].Value);
        Assert.Equal((3.0, "kitten"), (a[2].Threshold, (string?)a[2].Value));
        Assert.Equal("plain text: with colon", a[3].Value);
        Assert.Null(a[4].Value);
    }

    [Fact]
    public void Load_ListTypedCell_SplitsOnCommas()
    {
        var a = Assert.Single(Load("q,__expected\nx,\"contains-any:red, green,blue\"\n")).Assertions;

        Assert.Equal(new object?[] { "red", "green", "blue" }, Assert.IsType<List<object?>>(a[0].Value));
    }

    [Fact]
    public void Load_ReservedColumns_FillCaseFields()
    {
        var c = Assert.Single(Load(
            "topic,__id,__description,__threshold,__split,__metric,__prefix,__suffix,__metadata:category,__metadata:tags[],__expected\n"
            + "ml,ml-1,About ML,0.5,val,accuracy,Say: ,!,technology,\"ai,advanced\\,theory, data \",contains:algorithm\n"));

        Assert.Equal(("ml-1", "About ML", 0.5, Split.Val), (c.Id, c.Description, c.Threshold, c.Split));
        Assert.Equal("ml", c.Vars["topic"]);
        Assert.Single(c.Vars);
        Assert.Equal("accuracy", Assert.Single(c.Assertions).Metric);
        Assert.Equal("Say: ", c.Metadata["prefix"]);
        Assert.Equal("!", c.Metadata["suffix"]);
        Assert.Equal("technology", c.Metadata["category"]);
        Assert.Equal(new object?[] { "ai", "advanced,theory", "data" }, Assert.IsType<List<object?>>(c.Metadata["tags"]));
    }

    [Fact]
    public void Load_QuotedMultiLineCells_KeepTextAndRecordStartLines()
    {
        var cases = Load("q,__expected\n\"line one\nline two, with comma\",\"say \"\"hi\"\"\"\nsecond,ok\n");

        Assert.Equal("line one\nline two, with comma", cases[0].Vars["q"]);
        Assert.Equal("say \"hi\"", cases[0].Assertions[0].Value);
        Assert.Equal([2, 4], cases.Select(c => c.Source.Line));
        Assert.Equal(["t-1", "t-2"], cases.Select(c => c.Id));
    }

    [Fact]
    public void Load_TabDelimitedHeader_IsSniffed()
    {
        var c = Assert.Single(Load("a\tb\t__expected\none, two\tthree\ticontains:x\n"));

        Assert.Equal(("one, two", "three"), ((string?)c.Vars["a"], (string?)c.Vars["b"]));
    }

    [Fact]
    public void Load_GradeCell_IsLlmRubric()
    {
        var c = Assert.Single(Load("q,__expected\nx,grade:is polite\n"));

        Assert.Equal(("llm-rubric", "is polite"), (c.Assertions[0].Type, (string?)c.Assertions[0].Value));
    }

    [Fact]
    public void Load_ConfigThresholdColumns_SetTheNamedExpectedColumnsThreshold()
    {
        var cases = Load("q,__expected,__expected2,__config:__expected2:threshold\nx,equals:a,similar:b c,0.6\ny,equals:a,similar(0.9):b c,0.6\n");

        Assert.Equal([(double?)null, 0.6], cases[0].Assertions.Select(a => a.Threshold));
        Assert.Equal([(double?)null, 0.9], cases[1].Assertions.Select(a => a.Threshold));
    }

    [Theory]
    [InlineData("q,__expected,__config:__expected:threshold\nx,f1:a,high\n", "__config:__expected:threshold", "threshold must be a number, not 'high'")]
    [InlineData("q,__expected,__config:__expected:threshold\nx,f1:a,1.5\n", "__config:__expected:threshold", "threshold must be between 0 and 1, not 1.5 (for __expected)")]
    public void Load_BadConfigThreshold_NamesTheColumn(string csv, string field, string message)
    {
        _evals.Write("s/suite.yaml", "agent: a\ncases: [t.csv]\n");
        _evals.Write("s/t.csv", csv);

        var error = LoadErrors.Single(_evals, "s");

        Assert.Equal((field, message), (error.Field, error.Message));
    }

    [Fact]
    public void Load_ByteOrderMarkAndCrLf_AreNotPartOfNamesOrValues()
    {
        var c = Assert.Single(Load("\uFEFFq,__expected\r\nvalue,contains:x\r\n"));

        Assert.Equal("value", c.Vars["q"]);
        Assert.Equal("x", c.Assertions[0].Value);
    }

    [Fact]
    public void Load_EmptyExpectedCell_AddsNoAssertion()
    {
        Assert.Empty(Assert.Single(Load("q,__expected\nx,\n")).Assertions);
    }

    [Theory]
    [InlineData("q,__expected\nx,contains(abc):y\n", "__expected", "threshold '(abc)' of 'contains' is not a number")]
    [InlineData("q,__expected\nx,f1(1.5):y\n", "__expected.threshold", "threshold must be between 0 and 1, not 1.5")]
    [InlineData("q,__split\nx,dev\n", "__split", "unknown split 'dev'; use train, val or holdout")]
    [InlineData("q,__threshold\nx,high\n", "__threshold", "threshold must be a number between 0 and 1, not 'high'")]
    public void Load_BadCell_NamesLineAndColumn(string csv, string field, string message)
    {
        _evals.Write("s/suite.yaml", "agent: a\ncases: [t.csv]\n");
        _evals.Write("s/t.csv", csv);

        var error = LoadErrors.Single(_evals, "s");

        Assert.Equal((_evals.PathOf("s", "t.csv"), (int?)2, field), (error.File, error.Line, error.Field));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnterminatedQuote_IsMalformedCsvOnItsLine()
    {
        _evals.Write("s/suite.yaml", "agent: a\ncases: [t.csv]\n");
        _evals.Write("s/t.csv", "q,__expected\nfine,ok\n\"never closed,ok\n");

        var errors = LoadErrors.Of(_evals, "s");

        Assert.Contains(errors, e => e.Line == 3 && e.Message.StartsWith("malformed CSV: a quoted cell is never closed", StringComparison.Ordinal));
    }
}

using System.IO.Compression;
using System.Text.Json;
using Evolve.Core.Suites;
using Evolve.Core.Suites.Import;
using Evolve.Kernel;
using Scriban;
using YamlDotNet.RepresentationModel;

namespace Evolve.Core.Tests.Suites;

public sealed class HumanEvalImporterTests : IDisposable
{
    private static readonly string Dataset = Fixtures.HumanEvalSubset;
    private readonly TempEvals _temp = new();

    public void Dispose() => _temp.Dispose();

    private Task<ImportResult> Import(string source, string? name = null) =>
        SuiteImporter.ImportAsync(ImportKind.HumanEval, source, name, _temp.EvalsDir, _temp.PromptsDir, cancellationToken: TestContext.Current.CancellationToken);

    private static List<JsonElement> Problems()
    {
        using var gzip = new GZipStream(File.OpenRead(Dataset), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToList();
    }

    [Fact]
    public async Task ImportAsync_HumanEvalSubset_LoadsBackWithEveryProblem()
    {
        var result = await Import(Dataset);

        Assert.Equal("humaneval", result.Name);
        Assert.Empty(result.Warnings);
        var suite = SuiteLoader.Load(_temp.EvalsDir, "humaneval");
        var problems = Problems();
        Assert.Equal(Fixtures.HumanEvalSubsetCount, problems.Count);
        Assert.Equal(problems.Count, suite.Cases.Count);
        for (var i = 0; i < problems.Count; i++)
        {
            var problem = problems[i];
            var c = suite.Cases[i];
            Assert.Equal("humaneval-" + problem.GetProperty("task_id").GetString()!.Split('/')[1], c.Id);
            Assert.Equal(problem.GetProperty("prompt").GetString(), c.Vars["prompt"]);
            Assert.Equal(problem.GetProperty("entry_point").GetString(), c.Vars["entry_point"]);
            Assert.Equal(problem.GetProperty("prompt").GetString() + problem.GetProperty("canonical_solution").GetString(), c.Expected);
            var tests = Assert.Single(c.Assertions);
            Assert.Equal(("python-tests", problem.GetProperty("test").GetString()), (tests.Type, (string?)tests.Value));
        }

        // 40/30/30 of 10 problems, the importer's default split.
        Assert.Equal([4, 3, 3], new[] { Split.Train, Split.Val, Split.Holdout }.Select(s => suite.InSplit(s).Count()));
    }

    [Fact]
    public async Task ImportAsync_HumanEvalSubset_SeedsACodeAgent()
    {
        await Import(Dataset, "he");

        var dir = Path.Combine(_temp.PromptsDir, "he");
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(dir, "agent.yaml"))));
        var agent = (YamlMappingNode)stream.Documents[0].RootNode;
        Assert.Equal(("he", "code", "system.sbn", "task.sbn", "heuristics.yaml"),
            (agent["name"].ToString(), agent["answer"].ToString(), agent["system"].ToString(), agent["task"].ToString(), agent["heuristics"].ToString()));
        Assert.Equal("has_close_elements", ((YamlMappingNode)agent["sample_vars"])["entry_point"].ToString());
        var system = File.ReadAllText(Path.Combine(dir, "system.sbn"));
        Assert.Contains("```python", system, StringComparison.Ordinal);
        Assert.Equal("def f(): pass\n", Template.Parse(File.ReadAllText(Path.Combine(dir, "task.sbn"))).Render(new { prompt = "def f(): pass" }, m => m.Name));
        stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(dir, "heuristics.yaml"))));
        var knobs = (YamlMappingNode)stream.Documents[0].RootNode;
        Assert.Equal(("float", "0.2"), (((YamlMappingNode)knobs["temperature"])["type"].ToString(), ((YamlMappingNode)knobs["temperature"])["value"].ToString()));
        Assert.Equal("int", ((YamlMappingNode)knobs["max_steps"])["type"].ToString());
        Assert.Equal("he", SuiteLoader.Load(_temp.EvalsDir, "he").Agent);
    }

    [Fact]
    public async Task ImportAsync_PlainJsonlWithBadLines_ReportsLineAndField()
    {
        var source = Path.Combine(_temp.Root, "problems.jsonl");
        File.WriteAllText(source, string.Join('\n',
            """{"task_id": "X/0", "prompt": "def f():\n", "entry_point": "f", "canonical_solution": "    return 1\n", "test": "def check(c): assert c() == 1"}""",
            """{"task_id": "X/1", "prompt": """,
            """{"task_id": "X/2", "prompt": "def g():\n", "entry_point": "g", "canonical_solution": "    return 2\n"}""",
            ""));

        var errors = (await Assert.ThrowsAsync<InputException>(() => Import(source))).Errors;

        Assert.Equal([(source, (int?)2, (string?)null), (source, (int?)3, "test")], errors.Select(e => (e.File, e.Line, e.Field)));
        Assert.StartsWith("malformed JSON", errors[0].Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_temp.EvalsDir, "humaneval")));
    }

    [Fact]
    public async Task ImportAsync_PlainJsonl_ImportsWithoutGzip()
    {
        var source = Path.Combine(_temp.Root, "one.jsonl");
        File.WriteAllText(source,
            """{"task_id": "Mine/7", "prompt": "def f():\n", "entry_point": "f", "canonical_solution": "    return 1\n", "test": "def check(c): assert c() == 1"}""" + "\n");

        await Import(source, "mine");

        Assert.Equal("mine-7", Assert.Single(SuiteLoader.Load(_temp.EvalsDir, "mine").Cases).Id);
    }
}

using Evolve.Core.Suites;
using Evolve.Core.Suites.Import;
using Evolve.Kernel;
using Scriban;
using YamlDotNet.RepresentationModel;

namespace Evolve.Core.Tests.Suites;

public sealed class PromptfooImporterTests : IDisposable
{
    private readonly TempEvals _temp = new();

    public void Dispose() => _temp.Dispose();

    private Task<ImportResult> Import(string config, string? name = null, bool force = false) =>
        SuiteImporter.ImportAsync(ImportKind.Promptfoo, config, name, _temp.EvalsDir, _temp.PromptsDir, force, TestContext.Current.CancellationToken);

    // A promptfoo config written into its own folder under the temporary root; returns its path.
    private string WriteConfig(string folder, string yaml)
    {
        var dir = Directory.CreateDirectory(Path.Combine(_temp.Root, "src", folder)).FullName;
        var config = Path.Combine(dir, "promptfooconfig.yaml");
        File.WriteAllText(config, yaml);
        return config;
    }

    private static YamlMappingNode ReadYaml(string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    [Fact]
    public async Task ImportAsync_SimpleCsvFixture_WritesSuiteAndAgentThatLoad()
    {
        var config = Fixtures.Promptfoo("simple-csv", "promptfooconfig.yaml");

        var result = await Import(config);

        Assert.Equal("simple-csv", result.Name);
        var agentDir = Path.Combine(_temp.PromptsDir, "simple-csv");
        Assert.Equal(
            [Path.Combine(_temp.EvalsDir, "simple-csv", "suite.yaml"), Path.Combine(_temp.EvalsDir, "simple-csv", "cases.yaml"),
             Path.Combine(agentDir, "agent.yaml"), Path.Combine(agentDir, "prompt-1.sbn"), Path.Combine(agentDir, "prompt-2.sbn")],
            result.FilesWritten);
        var suite = SuiteLoader.Load(_temp.EvalsDir, "simple-csv");
        Assert.Equal(("simple-csv", "A translator built with LLM", 4), (suite.Agent, suite.Description, suite.Cases.Count));
        var first = suite.Cases[0];
        Assert.Equal(("French", "Hello world", "{\"tone\":\"formal\",\"length\":\"brief\"}"),
            ((string?)first.Vars["language"], (string?)first.Vars["body"], (string?)first.Vars["style_config"]));
        Assert.Equal(["bonjour", "faim", "Ahoy", "grub"], suite.Cases.Select(c => (string?)Assert.Single(c.Assertions).Value));
        Assert.All(suite.Cases, c => Assert.Equal("icontains", c.Assertions[0].Type));
    }

    [Fact]
    public async Task ImportAsync_SimpleCsvFixture_ConvertsBothPromptsAndReportsTheLoadFilter()
    {
        var config = Fixtures.Promptfoo("simple-csv", "promptfooconfig.yaml");
        var promptsFile = Fixtures.Promptfoo("simple-csv", "prompts.txt");

        var result = await Import(config);

        var loads = result.Warnings.Where(w => w.Field == "load").ToList();
        Assert.Equal([(promptsFile, (int?)2), (promptsFile, (int?)3)], loads.Select(w => (w.File, w.Line)));
        Assert.DoesNotContain(result.Warnings, w => w.Field == "providers");
        Assert.Equal(["openai:gpt-3.5-turbo"], SuiteLoader.Load(_temp.EvalsDir, "simple-csv").Models);
        var agentDir = Path.Combine(_temp.PromptsDir, "simple-csv");
        var agent = ReadYaml(Path.Combine(agentDir, "agent.yaml"));
        Assert.Equal("prompt-1.sbn", agent["task"].ToString());
        Assert.Equal(["prompt-2.sbn"], ((YamlSequenceNode)agent["variants"]).Select(n => n.ToString()));
        Assert.Equal("text", agent["answer"].ToString());
        Assert.Equal("French", ((YamlMappingNode)agent["sample_vars"])["language"].ToString());
        var first = File.ReadAllText(Path.Combine(agentDir, "prompt-1.sbn"));
        Assert.Contains("- Tone: {{ (style_config ## nunjucks filter not converted: load ##).tone }}", first, StringComparison.Ordinal);
        Assert.False(Template.Parse(first).HasErrors);
        var second = Template.Parse(File.ReadAllText(Path.Combine(agentDir, "prompt-2.sbn")));
        var rendered = second.Render(new { language = "French", body = "Hello world", style_config = "{}" }, m => m.Name);
        Assert.StartsWith("You are a conversational language assistant. Follow the style configuration: {}.", rendered, StringComparison.Ordinal);
        Assert.Contains("Task: Translate this text to French in a natural, conversational way:\n\"Hello world\"", rendered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_CsvMetadataFixture_KeepsRubricsAndMetadataWithoutAWarning()
    {
        var config = Fixtures.Promptfoo("csv-metadata", "promptfooconfig.yaml");

        var result = await Import(config, "meta");

        Assert.DoesNotContain(result.Warnings, w => w.Field == "llm-rubric");
        var suite = SuiteLoader.Load(_temp.EvalsDir, "meta");
        Assert.Equal(3, suite.Cases.Count);
        var quantum = suite.Cases[1];
        Assert.Equal("quantum physics", quantum.Vars["topic"]);
        Assert.Equal([("contains", "quantum"), ("llm-rubric", "Does this describe quantum physics accurately")],
            quantum.Assertions.Select(a => (a.Type, (string)a.Value!)));
        Assert.Equal("science", quantum.Metadata["category"]);
        Assert.Equal(new object?[] { "physics", "advanced,theory", "quantum" }, Assert.IsType<List<object?>>(quantum.Metadata["tags"]));
    }

    [Fact]
    public async Task ImportAsync_CsvMetadataFixture_LoadsWithItsRubricsGradedByAJudge()
    {
        await Import(Fixtures.Promptfoo("csv-metadata", "promptfooconfig.yaml"), "meta");

        var suite = SuiteLoader.Load(_temp.EvalsDir, "meta");

        Assert.Empty(suite.UnscoredWarnings());
        Assert.True(suite.UsesJudge());
    }

    [Fact]
    public async Task ImportAsync_ExistingTarget_IsAnErrorUnlessForced()
    {
        var config = Fixtures.Promptfoo("simple-csv", "promptfooconfig.yaml");
        await Import(config);
        File.WriteAllText(Path.Combine(_temp.PromptsDir, "simple-csv", "prompt-1.sbn"), "edited");

        var errors = (await Assert.ThrowsAsync<InputException>(() => Import(config))).Errors;

        Assert.Equal([Path.Combine(_temp.EvalsDir, "simple-csv"), Path.Combine(_temp.PromptsDir, "simple-csv")], errors.Select(e => e.File));
        Assert.All(errors, e => Assert.Equal("--name", e.Field));
        Assert.Equal("edited", File.ReadAllText(Path.Combine(_temp.PromptsDir, "simple-csv", "prompt-1.sbn")));
        await Import(config, force: true);
        Assert.NotEqual("edited", File.ReadAllText(Path.Combine(_temp.PromptsDir, "simple-csv", "prompt-1.sbn")));
    }

    [Theory]
    [InlineData("evaluateOptions: { repeat: 3, maxConcurrency: 4 }", 3)]
    [InlineData("evaluateOptions: { maxConcurrency: 4 }", 1)]
    public async Task ImportAsync_EvaluateOptionsRepeat_BecomesTheSuitesRepeat(string options, int repeat)
    {
        var config = WriteConfig("repeated", $"prompts: ['Hi {{{{ name }}}}']\n{options}\ntests:\n  - vars: {{ name: ada }}\n");

        var result = await Import(config, "repeated");

        Assert.Equal(repeat, SuiteLoader.Load(_temp.EvalsDir, "repeated").Repeat);
        Assert.Contains(result.Warnings, w => w.Field == "evaluateOptions.maxConcurrency");
    }

    [Fact]
    public async Task ImportAsync_BadRepeat_IsAnErrorAndNothingIsWritten()
    {
        var config = WriteConfig("badrepeat", "prompts: ['Hi']\nevaluateOptions: { repeat: many }\ntests:\n  - vars: { name: ada }\n");

        var error = Assert.Single((await Assert.ThrowsAsync<InputException>(() => Import(config, "badrepeat"))).Errors);

        Assert.Equal((config, (int?)2, "evaluateOptions.repeat"), (error.File, error.Line, error.Field));
        Assert.False(Directory.Exists(Path.Combine(_temp.EvalsDir, "badrepeat")));
    }

    [Fact]
    public async Task ImportAsync_TemplatedAssertionValues_AreConvertedAndRenderedPerCase()
    {
        var config = WriteConfig("templated", """
            prompts: ['Greet {{ name }}']
            defaultTest:
              assert:
                - type: contains
                  value: '{{ name | upper }}'
            tests:
              - vars: { name: ada }
                assert: [{ type: icontains-any, value: ['{{ name }}!', 'hello'] }]
              - vars: { name: alan }
            """);

        await Import(config, "templated");

        var suite = SuiteLoader.Load(_temp.EvalsDir, "templated");
        Assert.Equal(
            [[(object?)"ADA", new List<object?> { "ada!", "hello" }], ["ALAN"]],
            suite.Cases.Select(c => c.Assertions.Select(a => a.Value).ToArray()));
    }

    [Fact]
    public async Task ImportAsync_InlineTestsWithDefaultTest_MergesAndReportsWhatIsLeftOut()
    {
        var dir = Path.Combine(_temp.Root, "src", "inline");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "p.txt"), "First {{ q | upper }}\n---\n\nSecond {{ q }}\n");
        var config = Path.Combine(dir, "promptfooconfig.yaml");
        File.WriteAllText(config, """
            prompts:
              - file://p.txt
              - 'Inline {{ q }} in {{ lang | default("en") }}'
            defaultTest:
              vars: { lang: fr }
              assert:
                - type: not-contains
                  value: sorry
            tests:
              - description: greets
                vars: { q: hello }
                threshold: 0.5
                options: { provider: x, transform: output.toLowerCase() }
                metadata: { level: easy }
                assert:
                  - type: contains
                    value: hi
                    transform: output.trim()
                  - type: cost
                    threshold: 0.01
              - vars: { q: bye, lang: de }
            outputPath: out.json
            """);

        var result = await Import(config);

        var suite = SuiteLoader.Load(_temp.EvalsDir, "inline");
        Assert.Equal(["inline-1", "inline-2"], suite.Cases.Select(c => c.Id));
        var greets = suite.Cases[0];
        Assert.Equal(("greets", 0.5, "easy"), (greets.Description, greets.Threshold, (string?)greets.Metadata["level"]));
        Assert.Equal(("hello", "fr"), ((string?)greets.Vars["q"], (string?)greets.Vars["lang"]));
        Assert.Equal(["not-contains", "contains", "cost"], greets.Assertions.Select(a => a.DisplayType));
        Assert.Equal([null, "output.trim()", "output.toLowerCase()"], greets.Assertions.Select(a => a.Transform));
        Assert.Equal("de", suite.Cases[1].Vars["lang"]);
        Assert.Equal(["not-contains"], suite.Cases[1].Assertions.Select(a => a.DisplayType));
        Assert.Equal(
            [("options.provider", 13), ("outputPath", 22)],
            result.Warnings.Select(w => (w.Field ?? string.Empty, w.Line ?? 0)).OrderBy(w => w.Item2));
        var agentDir = Path.Combine(_temp.PromptsDir, "inline");
        Assert.Equal("First {{ q | string.upcase }}\n", File.ReadAllText(Path.Combine(agentDir, "prompt-1.sbn")));
        Assert.Equal("Second {{ q }}\n", File.ReadAllText(Path.Combine(agentDir, "prompt-2.sbn")));
        Assert.Equal("Inline {{ q }} in {{ lang | object.default \"en\" }}", File.ReadAllText(Path.Combine(agentDir, "prompt-3.sbn")));
    }

    [Fact]
    public async Task ImportAsync_MissingPromptAndTestFiles_AreErrorsAndNothingIsWritten()
    {
        var config = WriteConfig("broken", "prompts:\n  - file://nope.txt\ntests: file://gone.csv\n");

        var errors = (await Assert.ThrowsAsync<InputException>(() => Import(config))).Errors;

        Assert.Equal([(config, (int?)2, "prompts"), (config, (int?)3, "tests")], errors.Select(e => (e.File, e.Line, e.Field)));
        Assert.False(Directory.Exists(Path.Combine(_temp.EvalsDir, "broken")));
    }

    [Fact]
    public async Task ImportAsync_GlobbedPromptAndTestFiles_ImportEveryMatch()
    {
        var dir = Path.Combine(_temp.Root, "src", "globbed");
        Directory.CreateDirectory(Path.Combine(dir, "tests"));
        File.WriteAllText(Path.Combine(dir, "a.txt"), "A {{ q }}");
        File.WriteAllText(Path.Combine(dir, "b.txt"), "B {{ q }}");
        File.WriteAllText(Path.Combine(dir, "tests", "one.csv"), "q,__expected\nx,contains:x\n");
        File.WriteAllText(Path.Combine(dir, "tests", "two.yaml"), "- vars: { q: y }\n  assert: [{ type: equals, value: y }]\n");
        var config = Path.Combine(dir, "promptfooconfig.yaml");
        File.WriteAllText(config, "prompts: ['file://*.txt']\ntests: ['file://tests/*']\n");

        await Import(config);

        var suite = SuiteLoader.Load(_temp.EvalsDir, "globbed");
        Assert.Equal(["one-1", "two-1"], suite.Cases.Select(c => c.Id));
        Assert.Equal("B {{ q }}\n", File.ReadAllText(Path.Combine(_temp.PromptsDir, "globbed", "prompt-2.sbn")));
    }

    [Fact]
    public async Task ImportAsync_InvalidName_IsAnError()
    {
        var config = Fixtures.Promptfoo("simple-csv", "promptfooconfig.yaml");

        var error = Assert.Single((await Assert.ThrowsAsync<InputException>(() => Import(config, "../escape"))).Errors);

        Assert.Equal("--name", error.Field);
    }
}

using Evolve.Core.Suites;
using Evolve.Core.Suites.Import;
using Evolve.Kernel;

namespace Evolve.Core.Tests.Suites;

/// <summary>The parts of a promptfoo config that shape its tests: $ref templates, scenarios, list vars, default transforms and script files.</summary>
public sealed class PromptfooImportStructureTests : IDisposable
{
    private readonly TempEvals _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<Suite> ImportAsync(string yaml, params (string Name, string Text)[] files)
    {
        var dir = Directory.CreateDirectory(Path.Combine(_temp.Root, "src", "cfg")).FullName;
        foreach (var (file, text) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(dir, file))!);
            File.WriteAllText(Path.Combine(dir, file), text);
        }

        File.WriteAllText(Path.Combine(dir, "promptfooconfig.yaml"), yaml);
        await SuiteImporter.ImportAsync(ImportKind.Promptfoo, Path.Combine(dir, "promptfooconfig.yaml"), "cfg", _temp.EvalsDir, _temp.PromptsDir, false, TestContext.Current.CancellationToken);
        return SuiteLoader.Load(_temp.EvalsDir, "cfg");
    }

    [Fact]
    public async Task Ref_ToAssertionTemplates_IsReplacedByTheTemplate()
    {
        var suite = await ImportAsync("""
            prompts: ["Hi {{name}}"]
            assertionTemplates:
              named: { type: icontains, value: "{{name}}" }
            tests:
              - vars: { name: Ada }
                assert: [{ $ref: "#/assertionTemplates/named" }, { type: contains, value: Hi }]
            """);

        var assertions = Assert.Single(suite.Cases).Assertions;
        Assert.Equal([("icontains", "Ada"), ("contains", "Hi")], assertions.Select(a => (a.Type, (string)a.Value!)));
    }

    [Fact]
    public async Task Ref_Unknown_IsAnErrorNamingTheReference()
    {
        var error = await Assert.ThrowsAsync<InputException>(() => ImportAsync("""
            prompts: ["Hi"]
            tests:
              - assert: [{ $ref: "#/assertionTemplates/missing" }]
            """));

        Assert.Contains(error.Errors, e => e.Field == "assert[0].$ref" && e.Message.Contains("#/assertionTemplates/missing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Scenarios_AndListVars_ExpandInPromptfoosOrder()
    {
        var suite = await ImportAsync("""
            prompts: ["{{word}} in {{language}}"]
            tests:
              - vars: { word: [cat, dog], language: Spanish }
            scenarios:
              - config: [{ vars: { language: French } }, { vars: { language: German } }]
                tests: [{ vars: { word: bird } }, { vars: { word: fish } }]
            """);

        Assert.Equal(
            ["cat Spanish", "dog Spanish", "bird French", "fish French", "bird German", "fish German"],
            suite.Cases.Select(c => $"{c.Vars["word"]} {c.Vars["language"]}"));
        Assert.Equal(suite.Cases.Count, suite.Cases.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public async Task DefaultTestOptionsTransform_AppliesToEveryTestsAssertions()
    {
        var suite = await ImportAsync("""
            prompts: ["Hi"]
            defaultTest:
              options: { transform: output.trim() }
            tests:
              - assert: [{ type: equals, value: Hi }, { type: contains, value: H, transform: output }]
            """);

        Assert.Equal(["output.trim()", "output"], suite.Cases[0].Assertions.Select(a => a.Transform));
    }

    [Fact]
    public async Task ScriptFiles_AreCopiedIntoTheSuite()
    {
        var suite = await ImportAsync(
            """
            prompts: ["Hi"]
            tests:
              - assert: [{ type: javascript, value: "file://lib/check.js:short" }]
            """,
            ("lib/check.js", "module.exports.short = (output) => output.length < 5;"));

        Assert.Equal("file://lib/check.js:short", suite.Cases[0].Assertions[0].Value);
        Assert.True(File.Exists(Path.Combine(_temp.EvalsDir, "cfg", "lib", "check.js")));
    }

    [Theory]
    [InlineData("file://../../outside.js")]
    [InlineData("file:///etc/passwd")]
    [InlineData("file://missing.js")]
    public async Task ScriptFiles_OutsideTheConfigOrMissing_AreErrors(string value)
    {
        var error = await Assert.ThrowsAsync<InputException>(() => ImportAsync($$"""
            prompts: ["Hi"]
            tests:
              - assert: [{ type: javascript, value: "{{value}}" }]
            """));

        Assert.Contains(error.Errors, e => e.Field == "assert[0].value");
        Assert.False(Directory.Exists(Path.Combine(_temp.EvalsDir, "cfg")));
    }

    [Fact]
    public async Task Providers_BecomeTheSuitesModels_UnknownOnesAreLeftOut()
    {
        var suite = await ImportAsync("""
            prompts: ["Hi"]
            providers:
              - echo
              - openai:chat:gpt-4.1-mini
              - id: anthropic:messages:claude-sonnet-4
                config: { temperature: 0 }
              - ollama:chat:llama3
              - file://my_provider.py
            tests:
              - assert: [{ type: contains, value: Hi }]
            """);

        Assert.Equal(["echo", "openai:gpt-4.1-mini", "anthropic:claude-sonnet-4", "ollama:llama3"], suite.Models);
    }

    [Fact]
    public async Task DerivedMetrics_ArithmeticIsKept_FunctionsAreLeftOut()
    {
        var suite = await ImportAsync("""
            prompts: ["Hi"]
            derivedMetrics:
              - { name: f1, value: "2 * precision * recall / (precision + recall)" }
              - { name: top, value: "max(precision, recall)" }
            tests:
              - assert: [{ type: contains, value: Hi, metric: precision }, { type: contains, value: H, metric: recall }]
            """);

        var derived = Assert.Single(suite.DerivedMetrics);
        Assert.Equal("f1", derived.Name);
        Assert.Equal(1.0, suite.Metrics(new Dictionary<string, double> { ["precision"] = 1, ["recall"] = 1 })["f1"], 9);
    }

    [Fact]
    public async Task PromptFiles_CsvJsonJsonlAndYaml_EachGiveTheirPrompts()
    {
        await ImportAsync("""
            prompts:
              - file://prompts.csv
              - file://lines.csv
              - file://chat.json
              - file://chats.jsonl
              - file://chat.yaml
            tests:
              - vars: { q: "2+2" }
                assert: [{ type: contains, value: "4" }]
            """,
            ("prompts.csv", "prompt,label\n\"Answer {{q}}, briefly\",short\nSolve {{q}},solve\n"),
            ("lines.csv", "prompt\nCompute {{q}}\n"),
            ("chat.json", "[{\"role\": \"system\", \"content\": \"Be exact.\"}, {\"role\": \"user\", \"content\": \"{{ q | upper }}\"}]"),
            ("chats.jsonl", "[{\"role\": \"user\", \"content\": \"A {{q}}\"}]\n\n[{\"role\": \"user\", \"content\": \"B {{q}}\"}]\n"),
            ("chat.yaml", "- role: system\n  content: Think.\n- role: user\n  content: \"Q: {{q}}\"\n"));

        var agent = Evolve.Kernel.Agents.AgentProfileLoader.Load(_temp.PromptsDir, "cfg");
        var prompts = new[] { agent.Task }.Concat(agent.Variants).Select(f => File.ReadAllText(Path.Combine(agent.Directory, f))).ToList();
        Assert.Equal(7, prompts.Count);
        Assert.Equal("Answer {{ q }}, briefly", prompts[0].Trim());
        Assert.Equal("Compute {{ q }}", prompts[2].Trim());
        Assert.Equal([("system", "Be exact."), ("user", "{{ q | string.upcase }}")], Evolve.Kernel.Prompts.ChatPrompt.TryRead(prompts[3]));
        Assert.Equal([("user", "B {{ q }}")], Evolve.Kernel.Prompts.ChatPrompt.TryRead(prompts[5]));
        Assert.Equal([("system", "Think."), ("user", "Q: {{ q }}")], Evolve.Kernel.Prompts.ChatPrompt.TryRead(prompts[6]));
    }

    [Theory]
    [InlineData("bad.json", "{\"messages\": []}", 1)]
    [InlineData("bad.jsonl", "[{\"role\": \"user\", \"content\": \"ok\"}]\nnot json\n", 2)]
    [InlineData("bad.csv", "text,label\nhi,x\n", 1)]
    public async Task PromptFiles_NotUsable_AreErrorsNamingFileAndLine(string file, string text, int line)
    {
        var error = await Assert.ThrowsAsync<InputException>(() => ImportAsync($"prompts: [\"file://{file}\"]\ntests:\n  - assert: [{{ type: contains, value: a }}]\n", (file, text)));

        Assert.Contains(error.Errors, e => e.File.EndsWith(file, StringComparison.Ordinal) && e.Line == line);
        Assert.False(Directory.Exists(Path.Combine(_temp.EvalsDir, "cfg")));
    }

    [Fact]
    public async Task FileVars_AreLoadedAtImport_TextTrimmedYamlAsJsonImagesAsDataUris()
    {
        var suite = await ImportAsync("""
            prompts: ["Read {{doc}}"]
            tests:
              - vars: { doc: file://docs/a.txt, cfg: file://cfg.yaml, pic: file://p.png, gen: file://gen.py }
                assert: [{ type: contains, value: "{{doc}}" }]
            """,
            ("docs/a.txt", "  the text  \n"), ("cfg.yaml", "a: 1\nb: [x, y]\n"), ("p.png", "PNG"), ("gen.py", "def get_var(): pass\n"));

        var vars = Assert.Single(suite.Cases).Vars;
        Assert.Equal("the text", vars["doc"]);
        Assert.Equal("{\"a\":1,\"b\":[\"x\",\"y\"]}", vars["cfg"]);
        Assert.Equal("data:image/png;base64,UE5H", vars["pic"]);
        Assert.Equal("file://gen.py", vars["gen"]);
        Assert.Equal("the text", Assert.Single(suite.Cases).Assertions[0].Value);
    }

    [Theory]
    [InlineData("file://../secret.txt")]
    [InlineData("file:///etc/passwd")]
    [InlineData("file://missing.txt")]
    public async Task FileVars_OutsideTheConfigOrMissing_AreErrorsNamingTheVar(string reference)
    {
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(_temp.Root, "src")).FullName, "secret.txt"), "secret");

        var error = await Assert.ThrowsAsync<InputException>(() => ImportAsync($"prompts: [\"Hi {{{{doc}}}}\"]\ntests:\n  - vars: {{ doc: \"{reference}\" }}\n    assert: [{{ type: contains, value: Hi }}]\n"));

        Assert.Contains(error.Errors, e => e.Field == "vars.doc");
        Assert.False(Directory.Exists(Path.Combine(_temp.EvalsDir, "cfg")));
    }

    [Fact]
    public void SuiteModels_BadUri_IsAnErrorNamingTheLine()
    {
        Directory.CreateDirectory(Path.Combine(_temp.EvalsDir, "m"));
        File.WriteAllText(Path.Combine(_temp.EvalsDir, "m", "suite.yaml"), "agent: a\ncases: [c.yaml]\nmodels:\n  - echo\n  - nosuchscheme:x\n");
        File.WriteAllText(Path.Combine(_temp.EvalsDir, "m", "c.yaml"), "- id: one\n  assert: ['contains:hi']\n");

        var error = Assert.Throws<InputException>(() => SuiteLoader.Load(_temp.EvalsDir, "m"));

        Assert.Contains(error.Errors, e => e.Line == 5 && e.Message.Contains("nosuchscheme", StringComparison.Ordinal));
    }
}

using Evolve.Core.Scoring;
using Evolve.Kernel;
using Evolve.Kernel.Prompts;
using Scriban;
using YamlDotNet.RepresentationModel;

namespace Evolve.Core.Suites.Import;

/// <summary>
/// Imports a promptfoo config: its tests become <c>evals/NAME/cases.yaml</c> (CSV tests are
/// converted to YAML, keeping every column's meaning) with <c>defaultTest</c> merged into each
/// case, and its prompts become the Scriban templates of a seed agent <c>prompts/NAME/</c>.
/// </summary>
internal static class PromptfooImporter
{
    private static readonly string[] Read = ["description", "prompts", "tests", "defaultTest", "providers", "evaluateOptions", "assertionTemplates", "scenarios", "derivedMetrics"];

    public static async Task<ImportPlan> PlanAsync(string configPath, string name, CancellationToken cancellationToken)
    {
        var errors = new ErrorSink();
        var text = InputText.Decode(await File.ReadAllBytesAsync(configPath, cancellationToken), configPath);
        var root = YamlDocumentReader.Read(text, configPath, errors, out var failed);
        if (root is not YamlMappingNode config)
        {
            if (!failed)
            {
                errors.Add(configPath, null, null, "a promptfoo config must be a map with 'prompts' and 'tests'");
            }

            errors.ThrowIfAny();
            throw new InvalidOperationException("unreachable: an error was reported");
        }

        var plan = new ImportPlan(name);
        YamlNode? Node(string key) => config.Children.FirstOrDefault(kv => YamlValues.KeyText(kv.Key) == key).Value;
        foreach (var (key, _) in config.Children.Where(kv => !Read.Contains(YamlValues.KeyText(kv.Key))))
        {
            plan.Warn(configPath, YamlDocumentReader.LineOf(key), YamlValues.KeyText(key), "this part of the promptfoo config has no Evolve equivalent and was not imported");
        }

        var models = Node("providers") is { } providers ? PromptfooProviders.Read(providers, configPath, plan) : [];

        var repeat = Repeat(Node("evaluateOptions"), configPath, plan, errors);
        var prompts = Node("prompts") is { } promptNode ? PromptfooPrompts.Read(promptNode, configPath, plan, errors) : [];
        if (prompts.Count == 0 && !errors.HasErrors)
        {
            errors.Add(configPath, null, "prompts", "the config has no prompts to import");
        }

        var templates = Node("assertionTemplates") is YamlMappingNode t ? YamlValues.ToMap(t) : new Dictionary<string, object?>();
        var tests = new PromptfooTests(configPath, name, plan, errors, templates);
        var defaults = Node("defaultTest") is YamlMappingNode d ? tests.ReadDefaults(d) : null;
        var cases = Node("tests") is { } testNode ? tests.Read(testNode) : [];
        if (Node("scenarios") is { } scenarioNode)
        {
            cases.AddRange(new PromptfooScenarios(configPath, name, tests, plan, errors).Read(scenarioNode));
        }

        if (cases.Count == 0 && !errors.HasErrors)
        {
            errors.Add(configPath, null, "tests", "the config has no tests to import");
        }

        var varFiles = new PromptfooVarFiles(configPath, plan, errors);
        cases = [.. cases.Select(varFiles.Load)];
        defaults = defaults is null ? null : varFiles.Load(defaults);

        foreach (var duplicate in cases.GroupBy(c => c.Id).Where(g => g.Count() > 1).Select(g => g.ElementAt(1)))
        {
            errors.Add(duplicate.Source, "id", $"two tests have the id '{duplicate.Id}'");
        }

        errors.ThrowIfAny();
        WarnUnscorable(plan, defaults is null ? cases : cases.Prepend(defaults));
        var merged = (defaults is null ? cases : cases.Select(c => Merge(defaults, c))).Select(c => ToScriban(plan, c)).ToList();
        var description = Node("description") is YamlScalarNode { Value: { } desc } ? desc : $"Imported from the promptfoo config {Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(configPath)))}/{Path.GetFileName(configPath)}";
        var suite = new Dictionary<string, object?>
        {
            ["name"] = name,
            ["description"] = description,
            ["agent"] = name,
            ["cases"] = new List<object?> { "cases.yaml" },
            ["split"] = new Dictionary<string, object?> { ["train"] = 0.5, ["val"] = 0.3, ["holdout"] = 0.2, ["seed"] = 7L },
        };
        if (repeat is { } times)
        {
            suite["repeat"] = times;
        }

        if (models.Count > 0)
        {
            suite["models"] = models.Cast<object?>().ToList();
        }

        if (Node("derivedMetrics") is { } derivedNode && DerivedMetrics(derivedNode, configPath, plan) is { Count: > 0 } derived)
        {
            suite["derived_metrics"] = derived;
        }

        plan.SuiteFiles.Add((SuiteLoader.SuiteFileName, YamlText.Write(suite)));
        plan.SuiteFiles.Add(("cases.yaml", YamlText.Write(merged.Select(CaseYaml.ToMap).ToList())));
        AddAgent(plan, description, prompts, merged[0].Vars);
        return plan;
    }

    // evaluateOptions.repeat runs every test that many times, as the suite's repeat does; the rest
    // (concurrency, delays, caching) belongs to the command line here, so it is named and left out.
    private static long? Repeat(YamlNode? node, string configPath, ImportPlan plan, ErrorSink errors)
    {
        if (node is not YamlMappingNode options)
        {
            return null;
        }

        long? repeat = null;
        foreach (var (key, value) in options.Children)
        {
            var name = YamlValues.KeyText(key);
            if (name != "repeat")
            {
                plan.Warn(configPath, YamlDocumentReader.LineOf(key), $"evaluateOptions.{name}", "this evaluate option has no suite equivalent and was not imported; use the eval and run flags");
            }
            else if (value is YamlScalarNode { Value: { } text } && long.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var times) && times is >= 1 and <= SuiteDefinition.MaxRepeat)
            {
                repeat = times;
            }
            else
            {
                errors.Add(configPath, YamlDocumentReader.LineOf(key), "evaluateOptions.repeat", $"repeat must be a whole number from 1 to {SuiteDefinition.MaxRepeat}");
            }
        }

        return repeat;
    }

    // derivedMetrics are kept when they are plain arithmetic over metric names, which the suite can
    // compute; a mathjs function or a JavaScript function is named and left out.
    private static List<object?> DerivedMetrics(YamlNode node, string configPath, ImportPlan plan)
    {
        var kept = new List<object?>();
        var items = node is YamlSequenceNode sequence ? sequence.Children : [node];
        foreach (var item in items)
        {
            var line = YamlDocumentReader.LineOf(item);
            var map = item is YamlMappingNode m ? YamlValues.ToMap(m) : null;
            if (map?.GetValueOrDefault("name") is not string { Length: > 0 } name || map.GetValueOrDefault("value") is not string expression)
            {
                plan.Warn(configPath, line, "derivedMetrics", "a derived metric needs a name and a value expression; this one was not imported");
            }
            else if (DerivedMetric.Parse(name, expression, out var problem) is null)
            {
                plan.Warn(configPath, line, $"derivedMetrics.{name}", $"only + - * / and parentheses over metric names are computed here ({problem}); this metric was not imported");
            }
            else
            {
                kept.Add(new Dictionary<string, object?> { ["name"] = name, ["value"] = expression });
            }
        }

        return kept;
    }

    private static void AddAgent(ImportPlan plan, string description, List<PromptSource> prompts, IReadOnlyDictionary<string, object?> sampleVars)
    {
        var names = prompts.Select((_, i) => $"prompt-{i + 1}.sbn").ToList();
        plan.AgentFiles.Add(("agent.yaml", YamlText.Write(new Dictionary<string, object?>
        {
            ["name"] = plan.Name,
            ["description"] = description,
            ["task"] = names[0],
            ["variants"] = names.Skip(1).ToList(),
            ["answer"] = "text",
            ["missing_vars"] = "empty",
            ["sample_vars"] = sampleVars,
        })));
        for (var i = 0; i < prompts.Count; i++)
        {
            var converter = new NunjucksConverter(prompts[i].File, prompts[i].Line, (file, line, field, message) => plan.Warn(file, line, field, message));
            // A chat prompt's contents are converted one by one, so the JSON around them stays intact.
            var scriban = ChatPrompt.TryRead(prompts[i].Text) is { } chat
                ? ChatPrompt.Write([.. chat.Select(m => (m.Role, converter.Convert(m.Content)))]) + "\n"
                : converter.Convert(prompts[i].Text);
            foreach (var message in Template.Parse(scriban).Messages)
            {
                plan.Warn(names[i], message.Span.Start.Line + 1, null, $"the converted template does not parse: {message.Message}");
            }

            plan.AgentFiles.Add((names[i], scriban));
        }
    }

    private static void WarnUnscorable(ImportPlan plan, IEnumerable<EvalCase> cases)
    {
        foreach (var assertion in cases.SelectMany(c => c.Assertions).Where(a => !AssertionTypes.IsKnown(a.Type)))
        {
            plan.Warn(assertion.Source.File, assertion.Source.Line, assertion.DisplayType,
                $"'{assertion.DisplayType}' {AssertionTypes.Unsupported[assertion.Type]}; it was imported and is scored as an error (0, failed) on its own, while the rest of its case is scored");
        }
    }

    // Assertion values are Nunjucks templates in promptfoo and Scriban ones in Evolve (rendered per
    // case at load), so they are converted like the prompts: "{{ name | lower }}" keeps its meaning.
    private static EvalCase ToScriban(ImportPlan plan, EvalCase test)
    {
        string Convert(AssertionSpec spec, string text) =>
            new NunjucksConverter(spec.Source.File, spec.Source.Line, (file, line, field, message) => plan.Warn(file, line, field, message)).Convert(text);

        return test with
        {
            Assertions = [.. test.Assertions.Select(a => AssertionTemplates.IsTemplated(a) ? a with { Value = AssertionTemplates.MapTexts(a.Value, text => Convert(a, text)) } : a)],
        };
    }

    private static EvalCase Merge(EvalCase defaults, EvalCase test) => test with
    {
        Vars = Overlay(defaults.Vars, test.Vars),
        Assertions = [.. defaults.Assertions, .. test.Assertions],
        Metadata = Overlay(defaults.Metadata, test.Metadata),
        Threshold = test.Threshold ?? defaults.Threshold,
        Tags = [.. defaults.Tags.Union(test.Tags)],
    };

    private static Dictionary<string, object?> Overlay(IReadOnlyDictionary<string, object?> under, IReadOnlyDictionary<string, object?> over)
    {
        var result = new Dictionary<string, object?>(under, StringComparer.Ordinal);
        foreach (var (key, value) in over)
        {
            result[key] = value;
        }

        return result;
    }
}

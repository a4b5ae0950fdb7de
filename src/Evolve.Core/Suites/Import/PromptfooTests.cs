using Evolve.Kernel;
using YamlDotNet.RepresentationModel;

namespace Evolve.Core.Suites.Import;

/// <summary>
/// Reads promptfoo tests (inline maps, <c>file://</c> CSV or YAML files, or a list of these) as
/// cases. Fields Evolve has no use for are reported and left out; assertion types Evolve does not
/// know are reported and left out; types it knows but cannot score yet (llm-rubric) are kept.
/// </summary>
internal sealed class PromptfooTests(string configPath, string name, ImportPlan plan, ErrorSink errors, IReadOnlyDictionary<string, object?> templates)
{
    /// <summary>promptfoo test fields that have an Evolve case field of the same name.</summary>
    private static readonly string[] Kept = ["description", "vars", "assert", "threshold", "metadata"];

    private readonly CaseBuilder _builder = new(errors);
    private readonly PromptfooScripts _scripts = new(configPath, plan, errors);

    /// <summary><c>defaultTest.options.transform</c>: runs before every assertion of every test that sets none of its own.</summary>
    public string? DefaultTransform { get; set; }

    public List<EvalCase> Read(YamlNode node)
    {
        var cases = new List<EvalCase>();
        var items = node is YamlSequenceNode sequence ? sequence.Children.ToList() : [node];
        var inline = 0;
        foreach (var item in items)
        {
            if (item is YamlScalarNode { Value: { } text } && text.StartsWith("file://", StringComparison.Ordinal))
            {
                cases.AddRange(FromFile(text["file://".Length..], YamlDocumentReader.LineOf(item)));
            }
            else if (item is YamlMappingNode map)
            {
                if (Inline(map, configPath, $"{name}-{++inline}") is { } test)
                {
                    cases.AddRange(ExpandLists(test));
                }
            }
            else
            {
                errors.Add(configPath, YamlDocumentReader.LineOf(item), "tests", "a test must be a map (vars, assert, ...) or file://path");
            }
        }

        return cases;
    }

    /// <summary>Reads <c>defaultTest</c>; its <c>options.transform</c> becomes <see cref="DefaultTransform"/>.</summary>
    public EvalCase? ReadDefaults(YamlMappingNode map)
    {
        var defaults = Inline(map, configPath, "defaultTest", out var transform);
        DefaultTransform = transform;
        return defaults;
    }

    public EvalCase? Inline(YamlMappingNode map, string file, string defaultId) => Inline(map, file, defaultId, out _);

    private EvalCase? Inline(YamlMappingNode map, string file, string defaultId, out string? transform)
    {
        var raw = RawCase.FromYaml(map, file, defaultId);
        var fields = new Dictionary<string, RawField>(StringComparer.Ordinal);
        transform = Transform(raw.Fields.GetValueOrDefault("options"), file) ?? DefaultTransform;
        foreach (var (key, field) in raw.Fields)
        {
            if (Kept.Contains(key) || CaseBuilder.KnownFields.Contains(key))
            {
                fields[key] = key == "assert" ? Assertions(field, file, transform) : field;
            }
            else if (key == "options")
            {
                continue; // read above: its transform goes to the test's assertions
            }
            else
            {
                plan.Warn(file, field.Line, key, $"the promptfoo test field '{key}' has no Evolve equivalent and was not imported");
            }
        }

        return _builder.Build(raw with { Fields = fields });
    }

    // "#/assertionTemplates/name", as promptfoo writes a reference to a shared assertion.
    private IReadOnlyDictionary<string, object?>? Template(object? target) =>
        target is string text && text.StartsWith("#/assertionTemplates/", StringComparison.Ordinal)
            && templates.GetValueOrDefault(text["#/assertionTemplates/".Length..]) is IReadOnlyDictionary<string, object?> template
            ? template
            : null;

    /// <summary>
    /// promptfoo runs a test once per item of each list variable (all combinations, in order); so
    /// does the import: one case per combination, the first keeping the id, the rest numbered.
    /// </summary>
    public static IEnumerable<EvalCase> ExpandLists(EvalCase test)
    {
        var lists = test.Vars.Where(kv => kv.Value is List<object?> { Count: > 0 }).Select(kv => kv.Key).ToList();
        if (lists.Count == 0)
        {
            return [test];
        }

        IEnumerable<Dictionary<string, object?>> combinations = [new Dictionary<string, object?>(test.Vars, StringComparer.Ordinal)];
        foreach (var key in lists)
        {
            combinations = combinations.SelectMany(vars => ((List<object?>)test.Vars[key]!).Select(item => new Dictionary<string, object?>(vars, StringComparer.Ordinal) { [key] = item })).ToList();
        }

        return combinations.Select((vars, i) => test with { Id = i == 0 ? test.Id : $"{test.Id}-{i + 1}", Vars = vars });
    }

    private List<EvalCase> FromFile(string relative, int line) =>
        PromptfooFiles.Expand(configPath, relative, line, "tests", errors).SelectMany(path => FromPath(path, line)).ToList();

    private List<EvalCase> FromPath(string path, int line)
    {
        var bytes = File.ReadAllBytes(path);
        var stem = Path.GetFileNameWithoutExtension(path);
        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".csv":
                var rows = CsvCaseFileReader.Read(bytes, path, stem, errors, new AssertionReader(errors));
                return rows.Select(_builder.Build).OfType<EvalCase>().ToList();
            case ".yaml" or ".yml":
                var root = YamlDocumentReader.Read(InputText.Decode(bytes, path), path, errors, out _);
                return root is YamlSequenceNode list
                    ? list.Children.OfType<YamlMappingNode>().Select((m, i) => Inline(m, path, $"{stem}-{i + 1}")).OfType<EvalCase>().SelectMany(ExpandLists).ToList()
                    : [];
            default:
                plan.Warn(configPath, line, "tests", $"'{path}' is not imported: only CSV and YAML test files are");
                return [];
        }
    }

    /// <summary>Drops assertions of types Evolve does not know (reported) and fields it has no use for (reported).</summary>
    // A test's options.transform runs before each of its assertions that has none of its own.
    private string? Transform(RawField? options, string file)
    {
        if (options?.Value is not IReadOnlyDictionary<string, object?> map)
        {
            if (options is not null)
            {
                plan.Warn(file, options.Line, "options", "the test's options are not a map and were not imported");
            }

            return null;
        }

        foreach (var key in map.Keys.Where(k => k != "transform"))
        {
            plan.Warn(file, options.Line, $"options.{key}", $"the test option '{key}' has no Evolve equivalent and was not imported");
        }

        return ValueText.AsText(map.GetValueOrDefault("transform"));
    }

    private RawField Assertions(RawField field, string file, string? transform)
    {
        var items = field.Value is List<object?> list ? list : [field.Value];
        var kept = new List<object?>();
        var lines = new List<int>();
        for (var i = 0; i < items.Count; i++)
        {
            var line = field.LineOfItem(i);
            if (items[i] is IReadOnlyDictionary<string, object?> reference && reference.TryGetValue("$ref", out var target))
            {
                if (Template(target) is not { } template)
                {
                    errors.Add(file, line, $"assert[{i}].$ref", $"'{ValueText.AsTextOrJson(target)}' names no entry of the config's assertionTemplates ({string.Join(", ", templates.Keys)})");
                    continue;
                }

                items[i] = new Dictionary<string, object?>(template.Concat(reference.Where(kv => kv.Key != "$ref")).DistinctBy(kv => kv.Key), StringComparer.Ordinal);
            }

            var type = items[i] is IReadOnlyDictionary<string, object?> m ? ValueText.AsText(m.GetValueOrDefault("type")) : null;
            if (type is not null && !AssertionTypeName.IsRecognised(type))
            {
                plan.Warn(file, line, $"assert[{i}].type", $"promptfoo assertion type '{type}' has no Evolve equivalent; the assertion was not imported");
                continue;
            }

            if (items[i] is Dictionary<string, object?> map && map.Keys.Except(AssertionReader.Keys).ToList() is { Count: > 0 } extra)
            {
                plan.Warn(file, line, $"assert[{i}]", $"assertion fields {string.Join(", ", extra)} have no Evolve equivalent and were not imported");
                items[i] = map.Where(kv => AssertionReader.Keys.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
            }

            if (items[i] is IReadOnlyDictionary<string, object?> scripted && scripted.TryGetValue("value", out var value)
                && _scripts.Rewrite(type ?? ValueText.AsText(scripted.GetValueOrDefault("type")), value, file, line, $"assert[{i}].value") is var rewritten && !ReferenceEquals(rewritten, value))
            {
                items[i] = new Dictionary<string, object?>(scripted, StringComparer.Ordinal) { ["value"] = rewritten };
            }

            if (transform is not null && items[i] is IReadOnlyDictionary<string, object?> assertion && !assertion.ContainsKey("transform"))
            {
                items[i] = new Dictionary<string, object?>(assertion, StringComparer.Ordinal) { ["transform"] = transform };
            }

            kept.Add(items[i]);
            lines.Add(line);
        }

        return new RawField(kept, field.Line, lines);
    }
}

using Evolve.Kernel;
using YamlDotNet.RepresentationModel;

namespace Evolve.Core.Suites;

/// <summary>Reads and checks <c>suite.yaml</c>: every field named in the README, nothing else.</summary>
internal static class SuiteDefinitionReader
{
    private static readonly string[] Keys = ["name", "description", "agent", "cases", "default_assert", "split", "repeat", "models", "derived_metrics"];
    private static readonly string[] SplitKeys = ["train", "val", "holdout", "seed"];

    public static SuiteDefinition? Read(string text, string path, ErrorSink errors)
    {
        var root = YamlDocumentReader.Read(text, path, errors, out var failed);
        if (failed)
        {
            return null;
        }

        if (root is not YamlMappingNode mapping)
        {
            errors.Add(path, root is null ? null : YamlDocumentReader.LineOf(root), null,
                "suite.yaml must be a map with at least 'agent' and 'cases'");
            return null;
        }

        var definition = new SuiteDefinition();
        foreach (var (keyNode, node) in mapping.Children)
        {
            var key = YamlValues.KeyText(keyNode);
            var line = YamlDocumentReader.LineOf(keyNode);
            var value = YamlValues.ToValue(node);
            switch (key)
            {
                case "name" or "description" or "agent":
                    var text1 = ValueText.AsText(value);
                    if (text1 is null || text1.Trim().Length == 0)
                    {
                        errors.Add(path, line, key, $"{key} must be non-empty text");
                    }
                    else if (key != "description" && !Identifier.IsValid(text1.Trim()))
                    {
                        // Names become folder and run names, so they may not carry a path.
                        errors.Add(path, line, key, $"'{text1.Trim()}' is not {(key == "name" ? "a suite" : "an agent")} name ({Identifier.Rule})");
                    }

                    definition = key switch
                    {
                        "name" => definition with { Name = text1?.Trim() },
                        "agent" => definition with { Agent = text1?.Trim() },
                        _ => definition with { Description = text1 },
                    };
                    break;
                case "cases":
                    definition = definition with { CaseEntries = Entries(node, path, errors) };
                    break;
                case "default_assert":
                    definition = definition with { DefaultAssertions = DefaultAssertions(node, path, errors) };
                    break;
                case "split":
                    definition = definition with { Split = Ratio(node, path, errors) };
                    break;
                case "repeat":
                    if (value is long repeat and >= 1 and <= SuiteDefinition.MaxRepeat)
                    {
                        definition = definition with { Repeat = (int)repeat };
                    }
                    else
                    {
                        errors.Add(path, line, key, $"repeat must be a whole number from 1 to {SuiteDefinition.MaxRepeat}, not '{ValueText.AsTextOrJson(value)}'");
                    }

                    break;
                case "derived_metrics":
                    definition = definition with { DerivedMetrics = Derived(node, path, errors) };
                    break;
                case "models":
                    definition = definition with { Models = Models(node, path, errors) };
                    break;
                default:
                    errors.Add(path, line, key, $"unknown field '{key}'{NameSuggestion.DidYouMean(key, Keys)}; known fields: {string.Join(", ", Keys)}");
                    break;
            }
        }

        return definition;
    }

    private static List<DerivedMetric> Derived(YamlNode node, string path, ErrorSink errors)
    {
        var metrics = new List<DerivedMetric>();
        var items = node is YamlSequenceNode sequence ? sequence.Children.ToList() : [node];
        for (var i = 0; i < items.Count; i++)
        {
            var line = YamlDocumentReader.LineOf(items[i]);
            var map = items[i] is YamlMappingNode m ? YamlValues.ToMap(m) : null;
            if (map?.GetValueOrDefault("name") is not string { Length: > 0 } name || map.GetValueOrDefault("value") is not string expression)
            {
                errors.Add(path, line, $"derived_metrics[{i}]", "each derived metric needs a name and a value (an expression over named metrics)");
                continue;
            }

            if (DerivedMetric.Parse(name, expression, out var problem) is { } metric)
            {
                metrics.Add(metric);
            }
            else
            {
                errors.Add(path, line, $"derived_metrics[{i}].value", problem!);
            }
        }

        return metrics;
    }

    // Model URIs, each checked as --model would be, so a typo is an error at load, naming its line.
    private static List<string> Models(YamlNode node, string path, ErrorSink errors)
    {
        var models = new List<string>();
        foreach (var item in node is YamlSequenceNode sequence ? sequence.Children.ToList() : [node])
        {
            var line = YamlDocumentReader.LineOf(item);
            if (item is not YamlScalarNode { Value: { Length: > 0 } uri })
            {
                errors.Add(path, line, "models", "each entry of 'models' must be a model URI such as echo or openai:gpt-4.1-mini");
                continue;
            }

            try
            {
                models.Add(Evolve.Kernel.Providers.ModelUri.Parse(uri.Trim(), "models", path).ToString());
            }
            catch (Evolve.Kernel.InputException e)
            {
                errors.AddRange(e.Errors.Select(x => x with { Line = line }));
            }
        }

        return models;
    }

    private static List<(string, int)> Entries(YamlNode node, string path, ErrorSink errors)
    {
        var items = node is YamlSequenceNode sequence ? sequence.Children.ToList() : [node];
        var entries = new List<(string, int)>();
        foreach (var item in items)
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } pattern })
            {
                entries.Add((pattern.Trim(), YamlDocumentReader.LineOf(item)));
            }
            else
            {
                errors.Add(path, YamlDocumentReader.LineOf(item), "cases", "each entry of 'cases' must be a file path or glob relative to the suite folder");
            }
        }

        return entries;
    }

    private static List<AssertionSpec> DefaultAssertions(YamlNode node, string path, ErrorSink errors)
    {
        var reader = new AssertionReader(errors);
        var items = node is YamlSequenceNode sequence ? sequence.Children.ToList() : [node];
        var result = new List<AssertionSpec>();
        for (var i = 0; i < items.Count; i++)
        {
            var at = new SourceLocation(path, YamlDocumentReader.LineOf(items[i]));
            if (reader.Read(YamlValues.ToValue(items[i]), at, $"default_assert[{i}]") is { } spec)
            {
                result.Add(spec);
            }
        }

        return result;
    }

    private static SplitRatio Ratio(YamlNode node, string path, ErrorSink errors)
    {
        if (node is not YamlMappingNode mapping)
        {
            errors.Add(path, YamlDocumentReader.LineOf(node), "split", "split must be a map: {train: 0.5, val: 0.3, holdout: 0.2, seed: 7}");
            return SplitRatio.Default;
        }

        var shares = new Dictionary<string, double> { ["train"] = 0, ["val"] = 0, ["holdout"] = 0 };
        var seed = 0;
        var ok = true;
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = YamlValues.KeyText(keyNode);
            var line = YamlDocumentReader.LineOf(keyNode);
            var value = YamlValues.ToValue(valueNode);
            if (key == "seed")
            {
                if (value is long s and >= int.MinValue and <= int.MaxValue)
                {
                    seed = (int)s;
                }
                else
                {
                    errors.Add(path, line, "split.seed", $"seed must be a whole number, not '{ValueText.AsTextOrJson(value)}'");
                    ok = false;
                }
            }
            else if (!shares.ContainsKey(key))
            {
                errors.Add(path, line, $"split.{key}", $"unknown split '{key}'{NameSuggestion.DidYouMean(key, SplitKeys)}; use train, val, holdout and seed");
                ok = false;
            }
            else if (value is long or double && ValueText.AsNumber(value) is { } share && share >= 0 && double.IsFinite(share))
            {
                shares[key] = share;
            }
            else
            {
                errors.Add(path, line, $"split.{key}", $"the share of {key} must be a number of at least 0, not '{ValueText.AsTextOrJson(value)}'");
                ok = false;
            }
        }

        var ratio = new SplitRatio(shares["train"], shares["val"], shares["holdout"], seed);
        if (ratio.Total <= 0)
        {
            if (!ok)
            {
                return SplitRatio.Default;
            }

            errors.Add(path, YamlDocumentReader.LineOf(mapping), "split", "at least one of train, val and holdout must have a share above 0");
            return SplitRatio.Default;
        }

        return ratio;
    }
}

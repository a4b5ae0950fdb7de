using YamlDotNet.RepresentationModel;

namespace Evolve.Core.Suites.Import;

/// <summary>
/// promptfoo's <c>scenarios</c>: each scenario's <c>config</c> entries (sets of vars) times its
/// <c>tests</c>, in that order, each test's own vars over the entry's. Each combination becomes a
/// case <c>NAME-sI-J-K</c> (scenario, entry, test), after the config's plain tests.
/// </summary>
internal sealed class PromptfooScenarios(string configPath, string name, PromptfooTests tests, ImportPlan plan, ErrorSink errors)
{
    public List<EvalCase> Read(YamlNode node)
    {
        var cases = new List<EvalCase>();
        if (node is not YamlSequenceNode scenarios)
        {
            errors.Add(configPath, YamlDocumentReader.LineOf(node), "scenarios", "scenarios must be a list of {config, tests}");
            return cases;
        }

        for (var i = 0; i < scenarios.Children.Count; i++)
        {
            if (scenarios.Children[i] is not YamlMappingNode scenario)
            {
                errors.Add(configPath, YamlDocumentReader.LineOf(scenarios.Children[i]), $"scenarios[{i}]", "a scenario must be a map with config and tests");
                continue;
            }

            var entries = Items(scenario, "config", i);
            var scenarioTests = Items(scenario, "tests", i);
            foreach (var key in scenario.Children.Keys.Select(YamlValues.KeyText).Where(k => k is not ("config" or "tests" or "description")))
            {
                plan.Warn(configPath, YamlDocumentReader.LineOf(scenario), $"scenarios[{i}].{key}", "this scenario field has no Evolve equivalent and was not imported");
            }

            for (var j = 0; j < entries.Count; j++)
            {
                var vars = entries[j].Children.FirstOrDefault(kv => YamlValues.KeyText(kv.Key) == "vars").Value is YamlMappingNode v ? YamlValues.ToMap(v) : [];
                for (var k = 0; k < scenarioTests.Count; k++)
                {
                    if (tests.Inline(scenarioTests[k], configPath, $"{name}-s{i + 1}-{j + 1}-{k + 1}") is not { } test)
                    {
                        continue;
                    }

                    var merged = new Dictionary<string, object?>(vars, StringComparer.Ordinal);
                    foreach (var (key, value) in test.Vars)
                    {
                        merged[key] = value;
                    }

                    cases.AddRange(PromptfooTests.ExpandLists(test with { Vars = merged }));
                }
            }
        }

        return cases;
    }

    private List<YamlMappingNode> Items(YamlMappingNode scenario, string key, int index)
    {
        var node = scenario.Children.FirstOrDefault(kv => YamlValues.KeyText(kv.Key) == key).Value;
        if (node is YamlSequenceNode list && list.Children.All(c => c is YamlMappingNode))
        {
            return [.. list.Children.Cast<YamlMappingNode>()];
        }

        errors.Add(configPath, YamlDocumentReader.LineOf(node ?? scenario), $"scenarios[{index}].{key}", $"a scenario's {key} must be a list of maps");
        return [];
    }
}

namespace Evolve.Core.Suites.Import;

/// <summary>Converts cases and assertions back to the plain maps of the YAML case format.</summary>
internal static class CaseYaml
{
    public static Dictionary<string, object?> ToMap(EvalCase c)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal) { ["id"] = c.Id };
        if (c.Description is not null)
        {
            map["description"] = c.Description;
        }

        map["vars"] = c.Vars;
        if (c.Expected is not null)
        {
            map["expected"] = c.Expected;
        }

        if (c.Assertions.Count > 0)
        {
            map["assert"] = c.Assertions.Select(ToMap).ToList();
        }

        if (c.Split is { } split)
        {
            map["split"] = split.ToString().ToLowerInvariant();
        }

        AddIfAny(map, "tags", c.Tags);
        AddIfAny(map, "hints", c.Hints);
        if (c.Difficulty != 0.5)
        {
            map["difficulty"] = c.Difficulty;
        }

        if (c.Threshold is { } threshold)
        {
            map["threshold"] = threshold;
        }

        if (c.Metadata.Count > 0)
        {
            map["metadata"] = c.Metadata;
        }

        return map;
    }

    public static Dictionary<string, object?> ToMap(AssertionSpec a)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal) { ["type"] = a.DisplayType };
        if (a.Value is IReadOnlyList<AssertionSpec> members)
        {
            map["assert"] = members.Select(ToMap).ToList();
        }
        else if (a.Value is not null)
        {
            map["value"] = a.Value;
        }

        if (a.Threshold is { } threshold)
        {
            map["threshold"] = threshold;
        }

        if (a.Weight != 1)
        {
            map["weight"] = a.Weight;
        }

        if (a.Metric is not null)
        {
            map["metric"] = a.Metric;
        }

        if (a.Transform is not null)
        {
            map["transform"] = a.Transform;
        }

        return map;
    }

    private static void AddIfAny(Dictionary<string, object?> map, string key, IReadOnlyList<string> items)
    {
        if (items.Count > 0)
        {
            map[key] = items;
        }
    }
}

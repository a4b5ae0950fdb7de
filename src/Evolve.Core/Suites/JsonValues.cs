using System.Text.Json;

namespace Evolve.Core.Suites;

/// <summary>Converts parsed JSON to the same plain values as <see cref="YamlValues"/>.</summary>
internal static class JsonValues
{
    public static object? ToValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject()
            .Aggregate(new Dictionary<string, object?>(StringComparer.Ordinal), (map, p) => { map[p.Name] = ToValue(p.Value); return map; }),
        JsonValueKind.Array => element.EnumerateArray().Select(ToValue).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var l) ? l : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}

using System.Collections;
using Scriban.Runtime;

namespace Evolve.Kernel.Prompts;

/// <summary>Converts values parsed from YAML, JSON or CSV into Scriban objects, so nested maps read with dots.</summary>
internal static class ScriptValues
{
    public static object? From(object? value) => value switch
    {
        null or string or bool or int or long or double or decimal => value,
        IDictionary<string, object?> map => FromMap(map),
        IDictionary map => FromMap(map.Keys.Cast<object>().ToDictionary(k => k.ToString() ?? "", k => map[k])),
        IEnumerable list => new ScriptArray(list.Cast<object?>().Select(From)),
        _ => value,
    };

    private static ScriptObject FromMap(IEnumerable<KeyValuePair<string, object?>> map)
    {
        var result = new ScriptObject();
        foreach (var (key, item) in map)
        {
            result.SetValue(key, From(item), readOnly: false);
        }

        return result;
    }
}

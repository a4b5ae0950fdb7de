using System.Globalization;
using System.Text.Json;

namespace Evolve.Core.Suites;

/// <summary>Reads plain values (from YAML, JSON or CSV) as the scalar types fields need.</summary>
internal static class ValueText
{
    /// <summary>A scalar as text (numbers in invariant culture); null for lists and maps.</summary>
    public static string? AsText(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>Any value as text: scalars as themselves, lists and maps as compact JSON.</summary>
    public static string? AsTextOrJson(object? value) => value is null or string or bool or long or int or double
        ? AsText(value)
        : JsonSerializer.Serialize(value);

    /// <summary>A number, or a string holding one; null otherwise.</summary>
    public static double? AsNumber(object? value) => value switch
    {
        long l => l,
        int i => i,
        double d => d,
        string s when double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>A list of strings from a list of scalars or a single scalar; null when an item is not a scalar.</summary>
    public static IReadOnlyList<string>? AsTextList(object? value)
    {
        if (value is IEnumerable<object?> items)
        {
            var list = new List<string>();
            foreach (var item in items)
            {
                if (AsText(item) is not { } text)
                {
                    return null;
                }

                list.Add(text);
            }

            return list;
        }

        return AsText(value) is { } single ? [single] : null;
    }

    /// <summary>The name of a value's shape for messages ("a list", "a map", "text").</summary>
    public static string Describe(object? value) => value switch
    {
        null => "empty",
        string => "text",
        bool => "a boolean",
        long or int or double => "a number",
        IDictionary<string, object?> => "a map",
        _ => "a list",
    };
}

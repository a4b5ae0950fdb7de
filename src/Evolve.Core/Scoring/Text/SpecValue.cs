using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Evolve.Core.Scoring.Text;

/// <summary>
/// Reads an assertion's <c>value</c> whatever the loader produced: strings (YAML scalars arrive
/// as strings), numbers, booleans, lists, maps, or <see cref="JsonElement"/>s from JSONL.
/// </summary>
internal static class SpecValue
{
    /// <summary>The value as text: strings as they are, numbers and booleans in invariant form.</summary>
    public static bool TryText(object? value, out string text)
    {
        text = value switch
        {
            string s => s,
            bool b => b ? "true" : "false",
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            float f => f.ToString("R", CultureInfo.InvariantCulture),
            IFormattable n when IsNumber(n) => n.ToString(null, CultureInfo.InvariantCulture),
            JsonElement { ValueKind: JsonValueKind.String } e => e.GetString()!,
            JsonElement { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } e => e.GetRawText(),
            JsonValue v => TryText(v.Deserialize<JsonElement>(), out var t) ? t : null!,
            _ => null!,
        };
        return text is not null;
    }

    /// <summary>The value as a finite number (numeric types or numeric text).</summary>
    public static bool TryNumber(object? value, out double number)
    {
        number = 0;
        return value switch
        {
            string s => NumberScanner.TryParse(s.AsSpan().Trim(), out number),
            bool => false,
            _ => TryText(value, out var text) && NumberScanner.TryParse(text, out number),
        };
    }

    /// <summary>
    /// The value as a list of non-empty items: a list, or a comma-separated string (promptfoo's
    /// <c>contains-any: a, b</c>). Items are trimmed.
    /// </summary>
    public static bool TryItems(object? value, out string[] items)
    {
        var list = new List<string>();
        if (value is string s)
        {
            foreach (var part in s.Split(','))
            {
                AddTrimmed(list, part);
            }
        }
        else if (value is JsonElement { ValueKind: JsonValueKind.Array } array)
        {
            foreach (var item in array.EnumerateArray())
            {
                if (!TryText(item, out var text))
                {
                    items = [];
                    return false;
                }

                AddTrimmed(list, text);
            }
        }
        else if (value is IEnumerable enumerable and not IDictionary)
        {
            foreach (var item in enumerable)
            {
                if (!TryText(item, out var text))
                {
                    items = [];
                    return false;
                }

                AddTrimmed(list, text);
            }
        }
        else if (TryText(value, out var single))
        {
            AddTrimmed(list, single);
        }

        items = [.. list];
        return items.Length > 0;
    }

    /// <summary>The value's entries when it is a map (YAML mapping or JSON object).</summary>
    public static bool TryMap(object? value, out List<KeyValuePair<string, object?>> entries)
    {
        entries = [];
        switch (value)
        {
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    entries.Add(new(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty, entry.Value));
                }

                return true;
            case JsonElement { ValueKind: JsonValueKind.Object } element:
                foreach (var property in element.EnumerateObject())
                {
                    entries.Add(new(property.Name, property.Value));
                }

                return true;
            case JsonObject node:
                return TryMap(node.Deserialize<JsonElement>(), out entries);
            default:
                return false;
        }
    }

    /// <summary>True for a map or a list (not a string): a structured JSON value.</summary>
    public static bool IsStructured(object? value) => value switch
    {
        string => false,
        JsonElement e => e.ValueKind is JsonValueKind.Object or JsonValueKind.Array,
        JsonNode n => n is JsonObject or JsonArray,
        IEnumerable => true,
        _ => false,
    };

    /// <summary>A short description of what was written, for error messages.</summary>
    public static string Describe(object? value) => value switch
    {
        null => "nothing",
        string s => FeedbackText.Quote(s, 60),
        _ when TryMap(value, out _) => "a map",
        _ when IsStructured(value) => "a list",
        _ => TryText(value, out var t) ? t : value.GetType().Name,
    };

    private static bool IsNumber(IFormattable value) =>
        value is int or long or short or byte or sbyte or uint or ulong or ushort or decimal;

    private static void AddTrimmed(List<string> list, string item)
    {
        var trimmed = item.Trim();
        if (trimmed.Length > 0)
        {
            list.Add(trimmed);
        }
    }
}

using System.Collections;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Evolve.Core.Scoring.Text;

/// <summary>Writes an assertion value (map, list, scalar) as JSON text.</summary>
internal static class JsonWriting
{
    // JSON Schema keywords whose values are numbers or booleans. YAML hands every scalar over as a
    // string, so `minimum: 0` must become 0, not "0", or the schema would be rejected.
    private static readonly HashSet<string> NumericKeywords = new(StringComparer.Ordinal)
    {
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength",
        "minItems", "maxItems", "minProperties", "maxProperties", "minContains", "maxContains",
    };

    private static readonly HashSet<string> BooleanKeywords = new(StringComparer.Ordinal)
    {
        "additionalProperties", "uniqueItems", "additionalItems", "unevaluatedProperties", "nullable",
    };

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Compact JSON for <paramref name="value"/>. With <paramref name="asSchema"/>, string values
    /// of numeric and boolean schema keywords are written as numbers and booleans.
    /// </summary>
    public static string ToJson(object? value, bool asSchema)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            Write(writer, value, asSchema, keyword: null);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void Write(Utf8JsonWriter writer, object? value, bool asSchema, string? keyword)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case JsonNode node:
                node.WriteTo(writer);
                break;
            case string s when asSchema && keyword is not null && NumericKeywords.Contains(keyword) && NumberScanner.TryParse(s, out var number):
                writer.WriteNumberValue(number);
                break;
            case string s when asSchema && keyword is not null && BooleanKeywords.Contains(keyword) && bool.TryParse(s, out var flag):
                writer.WriteBooleanValue(flag);
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case IDictionary:
                WriteObject(writer, value, asSchema);
                break;
            case IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    Write(writer, item, asSchema, keyword: null);
                }

                writer.WriteEndArray();
                break;
            default:
                if (SpecValue.TryNumber(value, out var n))
                {
                    writer.WriteNumberValue(n);
                }
                else
                {
                    writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                }

                break;
        }
    }

    private static void WriteObject(Utf8JsonWriter writer, object value, bool asSchema)
    {
        SpecValue.TryMap(value, out var entries);
        writer.WriteStartObject();
        foreach (var (key, item) in entries)
        {
            writer.WritePropertyName(key);

            // A field literally named like a keyword ("properties": {"minimum": {...}}) holds a
            // schema map, never a scalar, so passing the key as the keyword is safe.
            Write(writer, item, asSchema, key);
        }

        writer.WriteEndObject();
    }
}

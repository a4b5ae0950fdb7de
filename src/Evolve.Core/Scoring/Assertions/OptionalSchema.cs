using Evolve.Core.Scoring.Text;
using NJsonSchema;

namespace Evolve.Core.Scoring.Assertions;

/// <summary>A JSON Schema given as an assertion value, or none.</summary>
internal sealed record OptionalSchema(JsonSchema? Schema)
{
    /// <summary>No schema: any JSON object or array will do.</summary>
    public static OptionalSchema None { get; } = new((JsonSchema?)null);

    /// <summary>Reads a schema from a map, a JSON string, or nothing. Throws with a reason when it does not parse.</summary>
    public static OptionalSchema From(object? value)
    {
        if (value is null || (value is string s && string.IsNullOrWhiteSpace(s)))
        {
            return None;
        }

        var json = value is string text ? text : JsonWriting.ToJson(value, asSchema: true);
        if (!json.AsSpan().TrimStart().StartsWith("{"))
        {
            throw new FormatException($"the value must be a JSON Schema (a map), not {SpecValue.Describe(value)}");
        }

        try
        {
            return new OptionalSchema(SchemaCheck.Load(json));
        }
        catch (Exception e) when (e is not FormatException)
        {
            throw new FormatException($"the JSON Schema does not parse: {e.Message}", e);
        }
    }
}

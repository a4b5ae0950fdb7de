using System.Text.Json;
using System.Text.Json.Serialization;

namespace Evolve.Kernel.Library;

/// <summary>The JSON shape of every history file: snake_case keys and enum values, nulls left out.</summary>
internal static class LibraryJson
{
    public static readonly JsonSerializerOptions Indented = Create(indented: true);

    public static readonly JsonSerializerOptions Line = Create(indented: false);

    private static JsonSerializerOptions Create(bool indented) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        WriteIndented = indented,
    };
}

using System.Text.Json;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Evolve.Core.Scoring.Text;

/// <summary>Loads a JSON Schema written in a suite and lists a document's violations.</summary>
internal static class SchemaCheck
{
    private const int MaxViolations = 10;

    /// <summary>
    /// Parses <paramref name="schemaJson"/>. External <c>$ref</c>s (files, URLs) are refused: a
    /// suite's schema must be self-contained, and scoring never touches the network.
    /// </summary>
    public static JsonSchema Load(string schemaJson)
    {
        // Checked before NJsonSchema sees the schema: its resolver would fetch URLs and files.
        using (var document = JsonDocument.Parse(schemaJson))
        {
            if (FindExternalRef(document.RootElement) is { } external)
            {
                throw new FormatException($"the schema refers to \"{external}\"; write the schema inline and use only local \"#/...\" references");
            }
        }

        return JsonSchema.FromJsonAsync(schemaJson, documentPath: null, schema => new LocalOnlyResolver(schema))
            .GetAwaiter().GetResult();
    }

    /// <summary>Each violation as <c>path: problem</c>, at most ten, empty when the document matches.</summary>
    public static List<string> Violations(JsonSchema schema, string json)
    {
        var found = new List<string>();
        Flatten(schema.Validate(json), found);
        return found;
    }

    private static string? FindExternalRef(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "$ref" && property.Value.ValueKind == JsonValueKind.String
                        && property.Value.GetString() is { } target && !target.StartsWith('#'))
                    {
                        return target;
                    }

                    if (FindExternalRef(property.Value) is { } nested)
                    {
                        return nested;
                    }
                }

                return null;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (FindExternalRef(item) is { } nested)
                    {
                        return nested;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static void Flatten(IEnumerable<ValidationError> errors, List<string> found)
    {
        foreach (var error in errors)
        {
            if (found.Count >= MaxViolations)
            {
                return;
            }

            switch (error)
            {
                case ChildSchemaValidationError child when child.Errors.Count > 0:
                    found.Add(Describe(error));
                    foreach (var nested in child.Errors.Values)
                    {
                        Flatten(nested, found);
                    }

                    break;
                default:
                    found.Add(Describe(error));
                    break;
            }
        }
    }

    private static string Describe(ValidationError error)
    {
        var path = string.IsNullOrEmpty(error.Path) ? "#" : error.Path;
        var problem = Words(error.Kind.ToString());
        return error.Kind == ValidationErrorKind.PropertyRequired && error.Property is not null && !path.EndsWith(error.Property, StringComparison.Ordinal)
            ? $"{path}/{error.Property}: {problem}"
            : $"{path}: {problem}";
    }

    // "IntegerExpected" reads better as "integer expected".
    private static string Words(string pascal)
    {
        var builder = new System.Text.StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]))
            {
                builder.Append(' ');
            }

            builder.Append(char.ToLowerInvariant(pascal[i]));
        }

        return builder.ToString();
    }

    private sealed class LocalOnlyResolver(JsonSchema schema)
        : JsonReferenceResolver(new JsonSchemaAppender(schema, new DefaultTypeNameGenerator()))
    {
        public override Task<NJsonSchema.References.IJsonReference> ResolveFileReferenceAsync(string filePath, CancellationToken cancellationToken = default) =>
            throw new FormatException($"the schema refers to the file \"{filePath}\"; write the schema inline instead");

        public override Task<NJsonSchema.References.IJsonReference> ResolveUrlReferenceAsync(string url, CancellationToken cancellationToken = default) =>
            throw new FormatException($"the schema refers to the URL \"{url}\"; write the schema inline instead");
    }
}

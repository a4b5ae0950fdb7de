using System.Text.Json;
using System.Text.Json.Nodes;

namespace Evolve.Cli.Serving;

/// <summary>A request body as a JSON object, or the 400 every route answers when it is not one.</summary>
internal static class JsonBody
{
    public static (JsonObject? Json, OpenAiError? Error) Parse(ReadOnlyMemory<byte> body)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body.Span);
        }
        catch (JsonException ex)
        {
            return (null, OpenAiError.BadRequest($"the request body is not valid JSON: {ex.Message}", null));
        }

        return root is JsonObject json
            ? (json, null)
            : (null, OpenAiError.BadRequest("the request body must be a JSON object", null));
    }
}

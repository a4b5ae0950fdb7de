using System.Text.Json.Nodes;

namespace Evolve.Cli.Agent;

/// <summary>An error in OpenAI's shape: <c>{"error": {"message", "type", "param", "code"}}</c> with its HTTP status.</summary>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Message">What went wrong, for a person.</param>
/// <param name="Type">OpenAI's error type, e.g. <c>invalid_request_error</c>.</param>
/// <param name="Param">The request field at fault, or null.</param>
/// <param name="Code">A machine-readable code, or null.</param>
internal sealed record OpenAiError(int Status, string Message, string Type, string? Param, string? Code)
{
    public static OpenAiError BadRequest(string message, string? param) =>
        new(400, message, "invalid_request_error", param, null);

    public static OpenAiError NotFound(string message, string? param, string code) =>
        new(404, message, "invalid_request_error", param, code);

    public static OpenAiError Server(string message) =>
        new(500, message, "server_error", null, null);

    public JsonObject ToJson() => new()
    {
        ["error"] = new JsonObject
        {
            ["message"] = Message,
            ["type"] = Type,
            ["param"] = Param,
            ["code"] = Code,
        },
    };
}

using System.Text.Json.Nodes;

namespace Evolve.Cli.Serving;

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

    public static OpenAiError Unauthorized(string message) =>
        new(401, message, "invalid_request_error", null, "invalid_api_key");

    public static OpenAiError MethodNotAllowed(string method, string path, string allowed) =>
        new(405, $"{method} {path} is not allowed; use {allowed} {path}", "invalid_request_error", null, "method_not_allowed");

    public static OpenAiError TooLarge(long limit) =>
        new(413, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the request body is larger than this server accepts ({limit} bytes; see --max-request-bytes)"), "invalid_request_error", null, "request_too_large");

    public static OpenAiError TooManyRequests(int limit) =>
        new(429, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"this server handles {limit} request{(limit == 1 ? "" : "s")} at once and all are busy; retry shortly (see --max-concurrent-requests)"), "requests", null, "rate_limit_exceeded");

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

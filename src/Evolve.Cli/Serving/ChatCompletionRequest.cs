using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Evolve.Cli.Serving;

/// <summary>The parts of an OpenAI <c>POST /v1/chat/completions</c> body a server uses.</summary>
/// <param name="Model">The model id asked for (must be the one served).</param>
/// <param name="Messages">The conversation, in order.</param>
/// <param name="Stream">True for server-sent events.</param>
/// <param name="IncludeUsage">True when <c>stream_options.include_usage</c> asks for a final usage chunk.</param>
/// <param name="User">The caller's user id, which an agent uses as the session id so canary routing is sticky per user.</param>
internal sealed record ChatCompletionRequest(string Model, IReadOnlyList<ChatMessage> Messages, bool Stream, bool IncludeUsage, string? User)
{
    /// <summary>The sampling settings asked for (<c>temperature</c>, <c>max_tokens</c> or <c>max_completion_tokens</c>); an agent uses its own.</summary>
    public ChatOptions Sampling { get; init; } = new();

    /// <summary>Parses a body; returns null and an OpenAI-style error (message, param) for the first problem found.</summary>
    public static (ChatCompletionRequest? Request, OpenAiError? Error) Parse(string body) =>
        Parse(System.Text.Encoding.UTF8.GetBytes(body));

    /// <summary>Parses a UTF-8 body as read from the wire; returns null and an OpenAI-style error for the first problem found.</summary>
    public static (ChatCompletionRequest? Request, OpenAiError? Error) Parse(ReadOnlyMemory<byte> body)
    {
        var (json, invalid) = JsonBody.Parse(body);
        if (json is null)
        {
            return (null, invalid);
        }

        if (json["model"] is not JsonValue modelValue || !modelValue.TryGetValue<string>(out var model) || model.Length == 0)
        {
            return (null, OpenAiError.BadRequest("'model' is required and must be a string", "model"));
        }

        if (json["messages"] is not JsonArray array || array.Count == 0)
        {
            return (null, OpenAiError.BadRequest("'messages' is required and must be a non-empty array", "messages"));
        }

        var messages = new List<ChatMessage>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            var (message, problem) = ParseMessage(array[i]);
            if (message is null)
            {
                return (null, OpenAiError.BadRequest($"messages[{i}]: {problem}", $"messages[{i}]"));
            }

            messages.Add(message);
        }

        var stream = false;
        if (json["stream"] is { } streamNode && !(streamNode is JsonValue sv && sv.TryGetValue(out stream)))
        {
            return (null, OpenAiError.BadRequest("'stream' must be a boolean", "stream"));
        }

        var includeUsage = json["stream_options"]?["include_usage"] is JsonValue iu && iu.TryGetValue<bool>(out var on) && on;
        var user = json["user"] is JsonValue uv && uv.TryGetValue<string>(out var u) ? u : null;
        var (sampling, samplingError) = SamplingRequest.Parse(json);
        return sampling is null
            ? (null, samplingError)
            : (new ChatCompletionRequest(model, messages, stream, includeUsage, user) { Sampling = sampling }, null);
    }

    private static (ChatMessage? Message, string Problem) ParseMessage(JsonNode? node)
    {
        if (node is not JsonObject message)
        {
            return (null, "each message must be an object");
        }

        var roleText = message["role"] is JsonValue rv && rv.TryGetValue<string>(out var r) ? r : null;
        ChatRole? role = roleText switch
        {
            "system" or "developer" => ChatRole.System,
            "user" => ChatRole.User,
            "assistant" => ChatRole.Assistant,
            _ => null,
        };
        if (role is null)
        {
            return (null, $"'role' must be system, developer, user or assistant, not '{roleText}'");
        }

        var content = message["content"] switch
        {
            JsonValue v when v.TryGetValue<string>(out var text) => text,
            // Content parts: only text parts are understood; no answerer takes vision or audio.
            JsonArray parts when parts.All(p => p?["type"]?.GetValue<string>() == "text" && p["text"] is JsonValue) =>
                string.Concat(parts.Select(p => p!["text"]!.GetValue<string>())),
            _ => null,
        };
        return content is null
            ? (null, "'content' must be a string or an array of text parts")
            : (new ChatMessage(role.Value, content), string.Empty);
    }
}

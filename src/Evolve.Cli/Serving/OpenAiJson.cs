using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Evolve.Cli.Serving;

/// <summary>Builds the OpenAI response bodies: the model list, a completion and the streamed chunks.</summary>
internal static class OpenAiJson
{
    /// <summary>Writes quotes and non-ASCII text as is: the bodies are JSON for API clients, never embedded in HTML.</summary>
    public static readonly JsonSerializerOptions Wire = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject Models(string model, long created) => new()
    {
        ["object"] = "list",
        ["data"] = new JsonArray(new JsonObject
        {
            ["id"] = model,
            ["object"] = "model",
            ["created"] = created,
            ["owned_by"] = "evolve",
        }),
    };

    public static JsonObject Completion(CompletionHeader header, ChatAnswer answer) =>
        Envelope(header, "chat.completion", new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = answer.Output },
            ["finish_reason"] = "stop",
        }, Usage(answer.Usage));

    /// <summary>The chunks of a streamed answer: the role, the text in word-sized pieces, then the finish reason (and usage when asked).</summary>
    public static IEnumerable<JsonObject> Chunks(CompletionHeader header, ChatAnswer answer, bool includeUsage)
    {
        yield return Chunk(header, new JsonObject { ["role"] = "assistant", ["content"] = string.Empty }, null);
        foreach (var piece in Pieces(answer.Output))
        {
            yield return Chunk(header, new JsonObject { ["content"] = piece }, null);
        }

        yield return Chunk(header, new JsonObject(), "stop");
        if (includeUsage)
        {
            yield return Envelope(header, "chat.completion.chunk", null, Usage(answer.Usage));
        }
    }

    /// <summary>Splits after each space so the pieces concatenate back to exactly the answer.</summary>
    public static IEnumerable<string> Pieces(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ' ')
            {
                yield return text[start..(i + 1)];
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }

    private static JsonObject Chunk(CompletionHeader header, JsonObject delta, string? finish) =>
        Envelope(header, "chat.completion.chunk", new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }, null);

    private static JsonObject Envelope(CompletionHeader header, string kind, JsonObject? choice, JsonObject? usage)
    {
        var body = new JsonObject
        {
            ["id"] = header.Id,
            ["object"] = kind,
            ["created"] = header.Created,
            ["model"] = header.Model,
            ["system_fingerprint"] = header.Fingerprint,
            ["choices"] = choice is null ? new JsonArray() : new JsonArray(choice),
        };
        if (usage is not null)
        {
            body["usage"] = usage;
        }

        return body;
    }

    private static JsonObject Usage(UsageDetails? usage) => new()
    {
        ["prompt_tokens"] = usage?.InputTokenCount ?? 0,
        ["completion_tokens"] = usage?.OutputTokenCount ?? 0,
        ["total_tokens"] = usage?.TotalTokenCount ?? ((usage?.InputTokenCount ?? 0) + (usage?.OutputTokenCount ?? 0)),
    };
}

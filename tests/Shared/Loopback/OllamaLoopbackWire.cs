using System.Text.Json.Nodes;

namespace Evolve.Tests.Shared.Loopback;

/// <summary>Ollama's <c>/api/chat</c>, plain and streamed (NDJSON), with tool calls; plus <c>/api/tags</c> and <c>/api/version</c>.</summary>
public sealed class OllamaLoopbackWire : LoopbackWire
{
    public override string Name => "ollama";

    public override string StreamContentType => "application/x-ndjson";

    public override bool IsChat(string path) => path == "/api/chat";

    // Ollama streams unless told not to.
    public override bool IsStreaming(JsonNode? body) => body?["stream"]?.GetValue<bool>() != false;

    public override string Plain(LoopbackAnswer answer, string model) => Final(answer, model, Message(answer)).ToJsonString();

    public override IReadOnlyList<string> Stream(LoopbackAnswer answer, string model)
    {
        var lines = new List<string>();
        if (answer.ToolCall is null)
        {
            var half = answer.Text.Length / 2;
            lines.Add(Line(Partial(model, answer.Text[..half])));
            lines.Add(Line(Partial(model, answer.Text[half..])));
            lines.Add(Line(Final(answer, model, new JsonObject { ["role"] = "assistant", ["content"] = string.Empty })));
        }
        else
        {
            lines.Add(Line(Final(answer, model, Message(answer))));
        }

        return lines;
    }

    public override string MalformedChunk => "{\"broken\": [\n";

    public override string Error(int status, string message) => new JsonObject { ["error"] = message }.ToJsonString();

    public override string? Other(string path) => path switch
    {
        "/api/tags" => """{"models":[]}""",
        "/api/version" => """{"version":"0.9.0"}""",
        _ => null,
    };

    private static string Line(JsonNode node) => node.ToJsonString() + "\n";

    private static JsonObject Message(LoopbackAnswer answer)
    {
        var message = new JsonObject { ["role"] = "assistant", ["content"] = answer.ToolCall is null ? answer.Text : string.Empty };
        if (answer.ToolCall is { } call)
        {
            message["tool_calls"] = new JsonArray(new JsonObject
            {
                ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = JsonNode.Parse(call.ArgumentsJson) },
            });
        }

        return message;
    }

    private static JsonObject Partial(string model, string text) => new()
    {
        ["model"] = model, ["created_at"] = "2025-01-01T00:00:00Z",
        ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text }, ["done"] = false,
    };

    private static JsonObject Final(LoopbackAnswer answer, string model, JsonObject message) => new()
    {
        ["model"] = model, ["created_at"] = "2025-01-01T00:00:00Z", ["message"] = message, ["done"] = true,
        ["done_reason"] = "stop", ["total_duration"] = 1000, ["load_duration"] = 10, ["prompt_eval_count"] = answer.InputTokens,
        ["prompt_eval_duration"] = 100, ["eval_count"] = answer.OutputTokens, ["eval_duration"] = 100,
    };
}

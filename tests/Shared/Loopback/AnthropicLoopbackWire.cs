using System.Text.Json.Nodes;

namespace Evolve.Tests.Shared.Loopback;

/// <summary>Anthropic's <c>/v1/messages</c>, plain and streamed (SSE events), with tool_use blocks.</summary>
public sealed class AnthropicLoopbackWire : LoopbackWire
{
    public override string Name => "anthropic";

    public override string StreamContentType => "text/event-stream";

    public override bool IsChat(string path) => path.EndsWith("/v1/messages", StringComparison.Ordinal);

    public override string Plain(LoopbackAnswer answer, string model)
    {
        var message = Message(model, answer.ToolCall is null ? "end_turn" : "tool_use", answer.InputTokens, answer.OutputTokens);
        message["content"] = new JsonArray(answer.ToolCall is { } call
            ? new JsonObject { ["type"] = "tool_use", ["id"] = call.Id, ["name"] = call.Name, ["input"] = JsonNode.Parse(call.ArgumentsJson) }
            : new JsonObject { ["type"] = "text", ["text"] = answer.Text });
        return message.ToJsonString();
    }

    public override IReadOnlyList<string> Stream(LoopbackAnswer answer, string model)
    {
        var start = Message(model, null, answer.InputTokens, 1);
        start["content"] = new JsonArray();
        var events = new List<string> { Sse(new JsonObject { ["type"] = "message_start", ["message"] = start }, "message_start") };
        if (answer.ToolCall is { } call)
        {
            events.Add(Block(new JsonObject { ["type"] = "tool_use", ["id"] = call.Id, ["name"] = call.Name, ["input"] = new JsonObject() }));
            events.Add(Delta(new JsonObject { ["type"] = "input_json_delta", ["partial_json"] = call.ArgumentsJson }));
        }
        else
        {
            var half = answer.Text.Length / 2;
            events.Add(Block(new JsonObject { ["type"] = "text", ["text"] = string.Empty }));
            events.Add(Delta(new JsonObject { ["type"] = "text_delta", ["text"] = answer.Text[..half] }));
            events.Add(Delta(new JsonObject { ["type"] = "text_delta", ["text"] = answer.Text[half..] }));
        }

        events.Add(Sse(new JsonObject { ["type"] = "content_block_stop", ["index"] = 0 }, "content_block_stop"));
        events.Add(Sse(
            new JsonObject
            {
                ["type"] = "message_delta",
                ["delta"] = new JsonObject { ["stop_reason"] = answer.ToolCall is null ? "end_turn" : "tool_use", ["stop_sequence"] = null },
                ["usage"] = new JsonObject { ["output_tokens"] = answer.OutputTokens },
            },
            "message_delta"));
        events.Add(Sse(new JsonObject { ["type"] = "message_stop" }, "message_stop"));
        return events;
    }

    // The SDK dispatches on the event name, so the broken data needs one.
    public override string MalformedChunk => "event: message_start\ndata: {\"broken\": [\n\n";

    public override string Error(int status, string message) => new JsonObject
    {
        ["type"] = "error",
        ["error"] = new JsonObject
        {
            ["type"] = status switch
            {
                401 => "authentication_error", 404 => "not_found_error", 429 => "rate_limit_error", 400 => "invalid_request_error", _ => "api_error",
            },
            ["message"] = message,
        },
    }.ToJsonString();

    private static JsonObject Message(string model, string? stop, int input, int output) => new()
    {
        ["id"] = "msg_loopback", ["type"] = "message", ["role"] = "assistant", ["model"] = model,
        ["stop_reason"] = stop, ["stop_sequence"] = null,
        ["usage"] = new JsonObject { ["input_tokens"] = input, ["output_tokens"] = output },
    };

    private static string Block(JsonObject block) =>
        Sse(new JsonObject { ["type"] = "content_block_start", ["index"] = 0, ["content_block"] = block }, "content_block_start");

    private static string Delta(JsonObject delta) =>
        Sse(new JsonObject { ["type"] = "content_block_delta", ["index"] = 0, ["delta"] = delta }, "content_block_delta");
}

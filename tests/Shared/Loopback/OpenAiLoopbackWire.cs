using System.Text.Json.Nodes;

namespace Evolve.Tests.Shared.Loopback;

/// <summary>OpenAI's <c>/v1/chat/completions</c>, plain and streamed (SSE), with tool calls.</summary>
public sealed class OpenAiLoopbackWire : LoopbackWire
{
    public override string Name => "openai";

    public override string StreamContentType => "text/event-stream";

    public override bool IsChat(string path) => path.EndsWith("/chat/completions", StringComparison.Ordinal);

    public override string Plain(LoopbackAnswer answer, string model)
    {
        JsonNode message = answer.ToolCall is { } call
            ? new JsonObject { ["role"] = "assistant", ["content"] = null, ["tool_calls"] = new JsonArray(Call(call, null)) }
            : new JsonObject { ["role"] = "assistant", ["content"] = answer.Text };
        var body = Envelope("chat.completion", model);
        var choice = new JsonObject
        {
            ["index"] = 0, ["message"] = message, ["finish_reason"] = answer.ToolCall is null ? "stop" : "tool_calls",
        };
        if (answer.LogProbs is { } logProbs)
        {
            choice["logprobs"] = new JsonObject
            {
                ["content"] = new JsonArray([.. logProbs.Select((p, i) => (JsonNode)new JsonObject { ["token"] = $"t{i}", ["logprob"] = p, ["bytes"] = null, ["top_logprobs"] = new JsonArray() })]),
            };
        }

        body["choices"] = new JsonArray(choice);
        body["usage"] = Usage(answer);
        return body.ToJsonString();
    }

    public override IReadOnlyList<string> Stream(LoopbackAnswer answer, string model)
    {
        var chunks = new List<string> { Sse(Chunk(model, new JsonObject { ["role"] = "assistant", ["content"] = string.Empty }, null)) };
        if (answer.ToolCall is { } call)
        {
            chunks.Add(Sse(Chunk(model, new JsonObject { ["tool_calls"] = new JsonArray(Call(call, 0)) }, null)));
        }
        else
        {
            // Two pieces so a cut after the first chunk leaves a half answer.
            var half = answer.Text.Length / 2;
            chunks.Add(Sse(Chunk(model, new JsonObject { ["content"] = answer.Text[..half] }, null)));
            chunks.Add(Sse(Chunk(model, new JsonObject { ["content"] = answer.Text[half..] }, null)));
        }

        chunks.Add(Sse(Chunk(model, new JsonObject(), answer.ToolCall is null ? "stop" : "tool_calls")));
        var usage = Envelope("chat.completion.chunk", model);
        usage["choices"] = new JsonArray();
        usage["usage"] = Usage(answer);
        chunks.Add(Sse(usage));
        chunks.Add("data: [DONE]\n\n");
        return chunks;
    }

    public override string Error(int status, string message) => new JsonObject
    {
        ["error"] = new JsonObject
        {
            ["message"] = message,
            ["type"] = status == 404 ? "invalid_request_error" : "api_error",
            ["code"] = status == 404 ? "model_not_found" : null,
        },
    }.ToJsonString();

    public override string? Other(string path) =>
        path.EndsWith("/models", StringComparison.Ordinal) ? """{"object":"list","data":[]}""" : null;

    private static JsonObject Envelope(string kind, string model) => new()
    {
        ["id"] = "chatcmpl-loopback", ["object"] = kind, ["created"] = 1700000000, ["model"] = model,
    };

    private static JsonObject Chunk(string model, JsonObject delta, string? finish)
    {
        var chunk = Envelope("chat.completion.chunk", model);
        chunk["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish });
        return chunk;
    }

    private static JsonObject Call(LoopbackToolCall call, int? index)
    {
        var node = new JsonObject
        {
            ["id"] = call.Id, ["type"] = "function",
            ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = call.ArgumentsJson },
        };
        if (index is int i)
        {
            node["index"] = i;
        }

        return node;
    }

    private static JsonObject Usage(LoopbackAnswer answer) => new()
    {
        ["prompt_tokens"] = answer.InputTokens, ["completion_tokens"] = answer.OutputTokens,
        ["total_tokens"] = answer.InputTokens + answer.OutputTokens,
    };
}

using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Agents.Loop;

/// <summary>
/// Renders a trace message as text for records and reflection. <see cref="ChatMessage.Text"/> drops
/// tool calls and results (they are not text content), so a reflection model reading only it would
/// never see what the agent ran or what came back.
/// </summary>
public static class TraceText
{
    /// <summary>The message's text followed by one line per tool call and per tool result.</summary>
    public static string Of(ChatMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = new StringBuilder(message.Text);
        foreach (var content in message.Contents)
        {
            var line = content switch
            {
                FunctionCallContent call => $"[tool call {call.Name} {JsonSerializer.Serialize(call.Arguments ?? new Dictionary<string, object?>())}]",
                FunctionResultContent result => $"[tool result {result.CallId}]\n{Result(result.Result)}",
                _ => null,
            };
            if (line is not null)
            {
                text.Append(text.Length > 0 ? "\n" : "").Append(line);
            }
        }

        return text.ToString();
    }

    private static string Result(object? value) => value switch
    {
        null => "",
        string s => s,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString() ?? "",
        JsonElement e => e.GetRawText(),
        _ => value.ToString() ?? "",
    };
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Providers.Sim;

/// <summary>Reads what the simulator needs out of a chat request without copying more than necessary.</summary>
internal static class SimRequest
{
    public static SimOracle? Oracle(ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(ModelRequestKeys.Oracle, out var value) == true ? value as SimOracle : null;

    public static object? Heuristics(ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(ModelRequestKeys.Heuristics, out var value) == true ? value : null;

    public static int Repeat(ChatOptions? options)
    {
        if (options?.AdditionalProperties?.TryGetValue(ModelRequestKeys.Repeat, out var value) != true)
        {
            return 0;
        }

        return value switch
        {
            int i => i,
            long l => (int)l,
            JsonElement { ValueKind: JsonValueKind.Number } e when e.TryGetInt32(out var i) => i,
            string s when int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) => i,
            _ => 0,
        };
    }

    /// <summary>The text of the system messages, joined by newlines; the common single-message case allocates nothing.</summary>
    public static string SystemText(IReadOnlyList<ChatMessage> messages)
    {
        string? single = null;
        StringBuilder? many = null;
        foreach (var message in messages)
        {
            if (message.Role != ChatRole.System)
            {
                continue;
            }

            var text = message.Text;
            if (single is null)
            {
                single = text;
            }
            else
            {
                many ??= new StringBuilder(single);
                many.Append('\n').Append(text);
            }
        }

        return many?.ToString() ?? single ?? string.Empty;
    }

    /// <summary>The text of the last user message, or empty.</summary>
    public static string LastUserText(IReadOnlyList<ChatMessage> messages)
    {
        for (var i = messages.Count - 1; i >= 0; i--)
        {
            if (messages[i].Role == ChatRole.User)
            {
                return messages[i].Text;
            }
        }

        return string.Empty;
    }
}

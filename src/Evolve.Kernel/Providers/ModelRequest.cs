using System.Globalization;
using System.Text;
using System.Text.Json;
using Evolve.Kernel.Providers.Sim;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Providers;

/// <summary>
/// Reads Evolve's internal request properties (<see cref="ModelRequestKeys"/>) and message texts
/// out of a chat request without copying more than necessary; shared by the simulator, echo and
/// the response cache so they agree on what a request means.
/// </summary>
internal static class ModelRequest
{
    public static string? CaseId(ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(ModelRequestKeys.CaseId, out var value) == true ? value as string : null;

    public static SimAnswerKind Answer(ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(ModelRequestKeys.Answer, out var value) != true ? SimAnswerKind.Text : value switch
        {
            SimAnswerKind kind => kind,
            string s when Enum.TryParse<SimAnswerKind>(s, ignoreCase: true, out var kind) => kind,
            _ => SimAnswerKind.Text,
        };

    public static JudgeRequest? Judge(ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(ModelRequestKeys.Judge, out var value) == true ? value as JudgeRequest : null;

    public static bool WantsLogProbs(ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(ModelRequestKeys.LogProbs, out var value) == true && value is true;

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

    /// <summary>The heuristics as <c>key=value;</c> pairs sorted by key, or empty; stable across processes.</summary>
    public static string CanonicalHeuristics(object? heuristics)
    {
        if (heuristics is not IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        foreach (var (key, value) in pairs.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            builder.Append(key).Append('=').Append(FormatValue(value)).Append(';');
        }

        return builder.ToString();
    }

    /// <summary>Formats a heuristic value the same way whether it arrived as a CLR value or as JSON.</summary>
    public static string FormatValue(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        string s => s,
        JsonElement e => e.ValueKind == JsonValueKind.String ? e.GetString() ?? string.Empty : e.GetRawText(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}

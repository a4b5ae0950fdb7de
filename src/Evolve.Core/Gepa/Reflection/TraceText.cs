using System.Text;
using System.Text.Json;

namespace Evolve.Core.Gepa.Reflection;

/// <summary>
/// Condenses a rollout's trace (a JSON array of <c>{ role, text }</c>) to what the rest of the
/// record does not already show: the system prompt is the component under reflection and the
/// final answer is the record's output, so both are dropped.
/// </summary>
internal static class TraceText
{
    /// <summary>The condensed trace, or null when nothing beyond the task and the answer remains.</summary>
    public static string? Condense(string? traceJson, string output)
    {
        if (string.IsNullOrWhiteSpace(traceJson))
        {
            return null;
        }

        List<(string Role, string Text)> turns;
        try
        {
            using var document = JsonDocument.Parse(traceJson);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return TextClip.Clip(traceJson, ReflectionDefaults.TraceChars);
            }

            turns = document.RootElement.EnumerateArray()
                .Select(m => (Role: Property(m, "role"), Text: Property(m, "text")))
                .Where(m => m.Role != "system")
                .ToList();
        }
        catch (JsonException)
        {
            return TextClip.Clip(traceJson, ReflectionDefaults.TraceChars);
        }

        if (turns.Count > 0 && turns[^1].Role == "assistant" && turns[^1].Text.Trim() == output.Trim())
        {
            turns.RemoveAt(turns.Count - 1);
        }

        // A lone user turn is the rendered task: the inputs already show it.
        if (turns.Count <= 1)
        {
            return null;
        }

        var text = new StringBuilder();
        foreach (var (role, body) in turns)
        {
            text.Append('[').Append(role).Append("] ").Append(body.Trim()).Append('\n');
        }

        return TextClip.Clip(text.ToString().TrimEnd('\n'), ReflectionDefaults.TraceChars);
    }

    private static string Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() ?? ""
            : "";
}

using System.Text.Encodings.Web;
using System.Text.Json;

namespace Evolve.Kernel.Prompts;

/// <summary>
/// A prompt in chat form, as promptfoo's chat prompts are written: a JSON array of messages, each
/// <c>{"role": "system" | "user" | "assistant", "content": "..."}</c>. A task template written so
/// renders each message's content on its own (a variable holding quotes or line breaks cannot break
/// the JSON), and the agent sends the messages as they are, its system prompt first.
/// </summary>
public static class ChatPrompt
{
    private static readonly string[] Roles = ["system", "user", "assistant"];
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The messages of <paramref name="text"/> when it is a chat prompt; null for any other text.</summary>
    public static IReadOnlyList<(string Role, string Content)>? TryRead(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.AsSpan().Trim();
        if (trimmed.Length < 2 || trimmed[0] != '[' || trimmed[^1] != ']')
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var messages = new List<(string, string)>();
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object
                    || !item.TryGetProperty("role", out var role) || role.ValueKind != JsonValueKind.String || !Roles.Contains(role.GetString())
                    || !item.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.String)
                {
                    return null;
                }

                messages.Add((role.GetString()!, content.GetString()!));
            }

            return messages.Count > 0 ? messages : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The messages as an indented JSON array, the form <see cref="TryRead"/> reads back.</summary>
    public static string Write(IEnumerable<(string Role, string Content)> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Indented))
        {
            writer.WriteStartArray();
            foreach (var (role, content) in messages)
            {
                writer.WriteStartObject();
                writer.WriteString("role", role);
                writer.WriteString("content", content);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}

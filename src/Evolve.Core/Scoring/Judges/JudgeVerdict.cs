using System.Globalization;
using System.Text.Json;

namespace Evolve.Core.Scoring.Judges;

/// <summary>
/// A judge's reply as every Evolve judge prompt asks for it: one JSON object with <c>reason</c>,
/// <c>pass</c>, <c>score</c> (0 to 1) and, for factuality, <c>choice</c>. Models wrap JSON in prose
/// or a code fence, so the first balanced object in the reply is read; each field is optional here
/// and each judge kind says which it needs.
/// </summary>
internal sealed record JudgeVerdict(string? Reason, bool? Pass, double? Score, string? Choice)
{
    /// <summary>Reads <paramref name="reply"/>; null with <paramref name="problem"/> set when it holds no usable JSON object.</summary>
    public static JudgeVerdict? Parse(string reply, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (FirstObject(reply) is not { } json)
        {
            problem = "the reply holds no JSON object";
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            problem = null;
            var score = Number(root, "score");
            if (score is { } s && (!double.IsFinite(s) || s < 0 || s > 1))
            {
                problem = $"its score {s.ToString(CultureInfo.InvariantCulture)} is not between 0 and 1";
                return null;
            }

            return new JudgeVerdict(Text(root, "reason"), Flag(root, "pass"), score, Text(root, "choice")?.Trim().ToUpperInvariant());
        }
        catch (JsonException e)
        {
            problem = "its JSON does not parse: " + e.Message;
            return null;
        }
    }

    private static string? FirstObject(string reply)
    {
        var start = reply.IndexOf('{', StringComparison.Ordinal);
        while (start >= 0)
        {
            int depth = 0;
            var quoted = false;
            for (var i = start; i < reply.Length; i++)
            {
                var c = reply[i];
                if (quoted)
                {
                    if (c == '\\')
                    {
                        i++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                }
                else if (c == '"')
                {
                    quoted = true;
                }
                else if (c == '{')
                {
                    depth++;
                }
                else if (c == '}' && --depth == 0)
                {
                    return reply[start..(i + 1)];
                }
            }

            start = reply.IndexOf('{', start + 1);
        }

        return null;
    }

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool? Flag(JsonElement root, string name) =>
        root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(name, out var v) ? null : v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(v.GetString(), out var b) => b,
            _ => null,
        };

    private static double? Number(JsonElement root, string name) =>
        root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(name, out var v) ? null : v.ValueKind switch
        {
            JsonValueKind.Number => v.GetDouble(),
            JsonValueKind.String when double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => null,
        };
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Evolve.Kernel.Providers.Sim;

/// <summary>
/// Deterministic wrong answers for every <see cref="SimAnswerKind"/>. A wrong answer is the oracle
/// broken in one plausible way, so scorers see near misses rather than noise.
/// </summary>
internal static class AnswerCorruptor
{
    /// <summary>Variants per answer; results are memoized per (reference, kind, variant).</summary>
    public const int Variants = 16;

    private static readonly BoundedCache<(string Reference, SimAnswerKind Kind, int Variant), string> Memo = new(4096);

    public static string Corrupt(string reference, SimAnswerKind kind, ulong pick)
    {
        var variant = (int)(pick % Variants);
        return Memo.GetOrAdd((reference, kind, variant), static (key, _) => Compute(key.Reference, key.Kind, (ulong)key.Variant), 0);
    }

    private static string Compute(string reference, SimAnswerKind kind, ulong pick) => kind switch
    {
        SimAnswerKind.Code => PythonCorruptor.Corrupt(reference, pick),
        SimAnswerKind.Json => CorruptJson(reference, pick) ?? CorruptText(reference, pick),
        SimAnswerKind.Number => CorruptNumber(reference, pick) ?? CorruptText(reference, pick),
        _ => CorruptText(reference, pick),
    };

    internal static string? CorruptNumber(string reference, ulong pick)
    {
        var text = reference.Trim();
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        var integral = long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _);
        var wrong = (pick % 4) switch
        {
            0 => value + 1,
            1 => value - 1,
            2 => value == 0 ? 2 : value * 2,
            _ => value == 0 ? -1 : value * 10,
        };
        return integral ? ((long)wrong).ToString(CultureInfo.InvariantCulture) : wrong.ToString("R", CultureInfo.InvariantCulture);
    }

    internal static string? CorruptJson(string reference, ulong pick)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(reference);
        }
        catch (JsonException)
        {
            return null;
        }

        JsonNode? changed = root switch
        {
            JsonObject obj when obj.Count > 0 => MutateObject(obj, pick),
            JsonArray array when array.Count > 0 => RemoveAt(array, pick),
            JsonValue value => ChangeValue(value),
            _ => null,
        };
        return changed?.ToJsonString();
    }

    internal static string CorruptText(string reference, ulong pick)
    {
        var words = reference.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2)
        {
            return reference.Length == 0 || reference.Equals("unknown", StringComparison.OrdinalIgnoreCase) ? "not sure" : "unknown";
        }

        var i = (int)(pick / 2 % (ulong)words.Length);
        if (pick % 2 == 0 || words.Length < 3)
        {
            return string.Join(' ', words.Where((_, k) => k != i));
        }

        var j = (i + 1) % words.Length;
        if (words[i] == words[j])
        {
            return string.Join(' ', words.Where((_, k) => k != i));
        }

        (words[i], words[j]) = (words[j], words[i]);
        return string.Join(' ', words);
    }

    private static JsonObject MutateObject(JsonObject obj, ulong pick)
    {
        var index = (int)(pick / 2 % (ulong)obj.Count);
        var (key, value) = obj.GetAt(index);
        if (pick % 2 == 0 || value is null)
        {
            obj.Remove(key);
        }
        else
        {
            obj[key] = value switch
            {
                JsonValue v => ChangeValue(v),
                JsonArray a when a.Count > 0 => RemoveAt(a, pick),
                JsonObject o when o.Count > 0 => MutateObject(o, pick / 3),
                _ => null,
            };
        }

        return obj;
    }

    private static JsonArray RemoveAt(JsonArray array, ulong pick)
    {
        array.RemoveAt((int)(pick % (ulong)array.Count));
        return array;
    }

    private static JsonValue ChangeValue(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.Number => JsonValue.Create(value.GetValue<double>() + 1),
        JsonValueKind.True => JsonValue.Create(false),
        JsonValueKind.False => JsonValue.Create(true),
        JsonValueKind.String => JsonValue.Create(CorruptText(value.GetValue<string>(), 1)),
        _ => JsonValue.Create("unknown"),
    };
}

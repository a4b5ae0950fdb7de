using System.Text.Json;

namespace Evolve.Core.Scoring.Text;

/// <summary>
/// Deep equality of two JSON values where scalars compare as text, so a YAML-written
/// <c>{a: 1}</c> (whose 1 arrives as the string "1") equals the answer <c>{"a": 1}</c>.
/// Object key order does not matter.
/// </summary>
internal static class JsonTextEquality
{
    /// <summary>True when <paramref name="expected"/> and <paramref name="actual"/> are the same value.</summary>
    public static bool Equal(JsonElement expected, JsonElement actual)
    {
        if (expected.ValueKind == JsonValueKind.Object)
        {
            return actual.ValueKind == JsonValueKind.Object && ObjectsEqual(expected, actual);
        }

        if (expected.ValueKind == JsonValueKind.Array)
        {
            if (actual.ValueKind != JsonValueKind.Array || expected.GetArrayLength() != actual.GetArrayLength())
            {
                return false;
            }

            using var left = expected.EnumerateArray();
            using var right = actual.EnumerateArray();
            while (left.MoveNext() && right.MoveNext())
            {
                if (!Equal(left.Current, right.Current))
                {
                    return false;
                }
            }

            return true;
        }

        return actual.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)
            && string.Equals(ScalarText(expected), ScalarText(actual), StringComparison.Ordinal);
    }

    private static bool ObjectsEqual(JsonElement expected, JsonElement actual)
    {
        var count = 0;
        foreach (var property in expected.EnumerateObject())
        {
            count++;
            if (!actual.TryGetProperty(property.Name, out var other) || !Equal(property.Value, other))
            {
                return false;
            }
        }

        var actualCount = 0;
        foreach (var unused in actual.EnumerateObject())
        {
            actualCount++;
        }

        return count == actualCount;
    }

    private static string ScalarText(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.Number when element.TryGetDouble(out var d) => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => element.GetRawText(),
    };
}

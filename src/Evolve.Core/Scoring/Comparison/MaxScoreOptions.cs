using System.Globalization;
using Evolve.Core.Scoring.Text;

namespace Evolve.Core.Scoring.Comparison;

/// <summary>
/// <c>max-score</c>'s value, promptfoo's shape: <c>method</c> (<c>average</c>, the default, or
/// <c>sum</c>) over the other assertions' scores, <c>weights</c> by assertion type (1 when not
/// given) and a <c>threshold</c> the highest aggregate must reach for any answer to win.
/// </summary>
/// <param name="Sum">True for <c>sum</c>, false for <c>average</c>.</param>
/// <param name="Weights">Weight by assertion type as written (with <c>not-</c>).</param>
/// <param name="Threshold">The least winning aggregate, or null.</param>
internal sealed record MaxScoreOptions(bool Sum, IReadOnlyDictionary<string, double> Weights, double? Threshold)
{
    private static readonly string[] Keys = ["method", "weights", "threshold"];

    /// <summary>Reads <paramref name="value"/> (null for the defaults); throws FormatException saying what is wrong.</summary>
    public static MaxScoreOptions Parse(object? value, double? threshold)
    {
        if (value is null)
        {
            return new MaxScoreOptions(false, new Dictionary<string, double>(), threshold);
        }

        if (value is not IReadOnlyDictionary<string, object?> map)
        {
            throw new FormatException($"max-score's value must be a map of method, weights and threshold, not {SpecValue.Describe(value)}");
        }

        if (map.Keys.FirstOrDefault(k => !Keys.Contains(k)) is { } unknown)
        {
            throw new FormatException($"max-score has no option '{unknown}'; its options are {string.Join(", ", Keys)}");
        }

        var method = map.GetValueOrDefault("method") ?? "average";
        if (method is not ("average" or "sum"))
        {
            throw new FormatException($"max-score's method must be average or sum, not {SpecValue.Describe(method)}");
        }

        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        if (map.GetValueOrDefault("weights") is { } given)
        {
            if (given is not IReadOnlyDictionary<string, object?> byType)
            {
                throw new FormatException($"max-score's weights must map assertion types to numbers, not {SpecValue.Describe(given)}");
            }

            foreach (var (type, weight) in byType)
            {
                weights[type] = Number(weight, $"weights.{type}") is var w and >= 0 ? w : throw new FormatException($"max-score's weight for {type} must be 0 or more");
            }
        }

        var least = map.GetValueOrDefault("threshold") is { } t ? Number(t, "threshold") : threshold;
        return new MaxScoreOptions((string)method == "sum", weights, least);
    }

    private static double Number(object? value, string field) => value switch
    {
        double d when double.IsFinite(d) => d,
        long l => l,
        int i => i,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed) => parsed,
        _ => throw new FormatException($"max-score's {field} must be a number, not {SpecValue.Describe(value)}"),
    };
}

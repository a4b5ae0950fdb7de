using System.Globalization;
using Evolve.Kernel.Providers.Sim;

namespace Evolve.Kernel.Providers;

/// <summary>Splits and converts the query part of a <see cref="ModelUri"/>, reporting every problem through a callback.</summary>
internal static class ModelUriParameters
{
    internal readonly record struct Values(int Seed, TimeSpan Latency, TimeSpan Jitter, double? Competence, SimProfile Profile, bool? Cache);

    public static OrderedDictionary<string, string> Split(string uri, string? query, string scheme, Action<string> fail)
    {
        var result = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        if (query is null)
        {
            return result;
        }

        var allowed = ModelSchemes.ParametersOf(scheme);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == pair.Length - 1)
            {
                fail($"'{uri}': parameter '{pair}' must be written key=value, for example seed=7");
                continue;
            }

            var key = pair[..eq].Trim().ToLowerInvariant();
            var value = pair[(eq + 1)..].Trim();
            if (!allowed.Contains(key))
            {
                fail($"'{uri}': unknown parameter '{key}' for {scheme}; allowed: {string.Join(", ", allowed)}");
            }
            else if (!result.TryAdd(key, value))
            {
                fail($"'{uri}': parameter '{key}' is given more than once");
            }
        }

        return result;
    }

    public static Values Convert(string uri, OrderedDictionary<string, string> parameters, Action<string> fail)
    {
        var values = new Values(0, TimeSpan.Zero, TimeSpan.Zero, null, SimProfiles.Default, null);
        foreach (var (key, value) in parameters)
        {
            switch (key)
            {
                case "seed" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed):
                    values = values with { Seed = seed };
                    break;
                case "seed":
                    fail($"'{uri}': seed '{value}' is not a whole number");
                    break;
                case "latency" or "jitter" when TryParseDuration(value, out var duration):
                    values = key == "latency" ? values with { Latency = duration } : values with { Jitter = duration };
                    break;
                case "latency" or "jitter":
                    fail($"'{uri}': {key} '{value}' is not a duration; write a non-negative number with a unit, such as 200ms, 2s or 1m");
                    break;
                case "competence" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var c) && c is >= 0 and <= 1:
                    values = values with { Competence = c };
                    break;
                case "competence":
                    fail($"'{uri}': competence '{value}' must be a number from 0 (always wrong) to 1 (always right)");
                    break;
                case "profile" when SimProfiles.TryParse(value, out var profile):
                    values = values with { Profile = profile };
                    break;
                case "profile":
                    fail($"'{uri}': profile '{value}' is not a simulator profile; write one of {string.Join(", ", SimProfiles.Names)} (v1 is the first simulator, kept so its figures stay reproducible)");
                    break;
                case "cache" when TryParseSwitch(value, out var cache):
                    values = values with { Cache = cache };
                    break;
                case "cache":
                    fail($"'{uri}': cache '{value}' must be 1 or 0 (true or false)");
                    break;
            }
        }

        return values;
    }

    /// <summary>Parses <c>250ms</c>, <c>2s</c>, <c>1.5s</c>, <c>1m</c> or a bare <c>0</c>.</summary>
    internal static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var (number, scale) = text switch
        {
            "0" => ("0", 0.0),
            _ when text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) => (text[..^2], 1.0),
            _ when text.EndsWith('s') || text.EndsWith('S') => (text[..^1], 1000.0),
            _ when text.EndsWith('m') || text.EndsWith('M') => (text[..^1], 60_000.0),
            _ => (string.Empty, -1.0),
        };
        if (scale < 0 || !double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || value < 0 || double.IsNaN(value) || value * scale > TimeSpan.FromHours(1).TotalMilliseconds)
        {
            return false;
        }

        duration = TimeSpan.FromMilliseconds(value * scale);
        return true;
    }

    private static bool TryParseSwitch(string text, out bool value)
    {
        value = text is "1" || text.Equals("true", StringComparison.OrdinalIgnoreCase);
        return value || text is "0" || text.Equals("false", StringComparison.OrdinalIgnoreCase);
    }
}

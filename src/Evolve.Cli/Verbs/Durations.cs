using System.Globalization;
using Evolve.Kernel;

namespace Evolve.Cli.Verbs;

/// <summary>Parses durations written as 90s, 10m, 1h or 1.5h.</summary>
internal static class Durations
{
    public static TimeSpan? Parse(string? text, string flag)
    {
        if (text is null)
        {
            return null;
        }

        var unit = text.Length > 0 ? text[^1] : ' ';
        var factor = unit switch { 's' => 1, 'm' => 60, 'h' => 3600, _ => 0 };
        if (factor > 0 && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            return TimeSpan.FromSeconds(value * factor);
        }

        throw new InputException(flag, null, null, $"'{text}' is not a duration: write it like 90s, 10m or 1h");
    }
}

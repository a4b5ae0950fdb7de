using System.Text.RegularExpressions;

namespace Evolve.Kernel.Yaml;

/// <summary>
/// The 1-based line of each top-level key of a block-style YAML mapping, so a loader that deserializes into
/// a typed shape can still name the line of a field it rejects.
/// </summary>
public static partial class TopLevelKeyLines
{
    /// <summary>Maps each top-level key to the line it is written on (the first, when repeated).</summary>
    public static IReadOnlyDictionary<string, int> Of(string text)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in text.Split('\n'))
        {
            number++;
            var match = TopLevelKey().Match(line);
            if (match.Success)
            {
                lines.TryAdd(match.Groups[1].Value, number);
            }
        }

        return lines;
    }

    /// <summary>The line of <paramref name="field"/> (its part before any <c>[index]</c>), or null when absent.</summary>
    public static int? LineOf(this IReadOnlyDictionary<string, int> lines, string field)
    {
        var key = field.Split('[')[0];
        return lines.TryGetValue(key, out var line) ? line : null;
    }

    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_]*)\s*:")]
    private static partial Regex TopLevelKey();
}

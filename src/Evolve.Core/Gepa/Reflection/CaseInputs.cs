using System.Text;
using System.Text.Json;

namespace Evolve.Core.Gepa.Reflection;

/// <summary>Renders a case's variables as readable text: one <c>name: value</c> per variable, in name order.</summary>
internal static class CaseInputs
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static string Render(IReadOnlyDictionary<string, object?>? vars)
    {
        if (vars is null || vars.Count == 0)
        {
            return "(no inputs recorded)";
        }

        var text = new StringBuilder();
        foreach (var name in vars.Keys.Order(StringComparer.Ordinal))
        {
            var value = Value(vars[name]);
            text.Append(name).Append(':');

            // Multi-line values (code, documents) start on their own line so their layout survives.
            text.Append(value.Contains('\n', StringComparison.Ordinal) ? "\n" : " ").Append(value).Append('\n');
        }

        return text.ToString().TrimEnd('\n');
    }

    private static string Value(object? value) => value switch
    {
        null => "null",
        string s => s.Replace("\r\n", "\n", StringComparison.Ordinal),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => JsonSerializer.Serialize(value, Json),
    };
}

using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Evolve.Core.Suites;

/// <summary>
/// Converts YAML nodes to plain values: string, long, double, bool, null, lists and
/// string-keyed dictionaries (insertion-ordered), resolving plain scalars by the YAML core schema.
/// </summary>
internal static partial class YamlValues
{
    public static object? ToValue(YamlNode node) => node switch
    {
        YamlScalarNode scalar => ToScalar(scalar),
        YamlSequenceNode sequence => sequence.Children.Select(ToValue).ToList(),
        YamlMappingNode mapping => ToMap(mapping),
        _ => null,
    };

    public static Dictionary<string, object?> ToMap(YamlMappingNode mapping)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            map[KeyText(key)] = ToValue(value);
        }

        return map;
    }

    public static string KeyText(YamlNode key) => key is YamlScalarNode { Value: { } text } ? text : key.ToString();

    public static object? ToScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain || (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value == "tag:yaml.org,2002:str"))
        {
            return text;
        }

        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return true;
            case "false" or "False" or "FALSE":
                return false;
            case ".inf" or "+.inf" or ".Inf" or "+.Inf":
                return double.PositiveInfinity;
            case "-.inf" or "-.Inf":
                return double.NegativeInfinity;
            case ".nan" or ".NaN":
                return double.NaN;
        }

        if (IntegerPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return integer;
        }

        if (FloatPattern().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            return real;
        }

        return text;
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}

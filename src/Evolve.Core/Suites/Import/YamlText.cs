using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Evolve.Core.Suites.Import;

/// <summary>
/// Writes plain values (maps, lists, strings, numbers, booleans) as YAML that reads back to the
/// same values: multi-line text as literal blocks, and text that would read as a number, boolean
/// or null quoted.
/// </summary>
internal static class YamlText
{
    public static string Write(object? value)
    {
        var stream = new YamlStream(new YamlDocument(ToNode(value)));
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        var text = writer.ToString();

        // YamlStream ends every document with an explicit "..." marker; it is noise in a hand-editable file.
        var end = text.LastIndexOf("...", StringComparison.Ordinal);
        return end >= 0 && text[end..].Trim() == "..." ? text[..end] : text;
    }

    public static YamlNode ToNode(object? value) => value switch
    {
        null => new YamlScalarNode("null") { Style = ScalarStyle.Plain },
        string s => Text(s),
        bool b => new YamlScalarNode(b ? "true" : "false") { Style = ScalarStyle.Plain },
        long or int or double => new YamlScalarNode(ValueText.AsText(value)) { Style = ScalarStyle.Plain },
        IEnumerable<KeyValuePair<string, object?>> map => Map(map),
        System.Collections.IEnumerable list => Sequence(list),
        _ => Text(value.ToString() ?? string.Empty),
    };

    private static YamlMappingNode Map(IEnumerable<KeyValuePair<string, object?>> map)
    {
        var node = new YamlMappingNode();
        foreach (var (key, item) in map)
        {
            node.Add(Text(key), ToNode(item));
        }

        return node;
    }

    private static YamlSequenceNode Sequence(System.Collections.IEnumerable list)
    {
        var node = new YamlSequenceNode();
        foreach (var item in list)
        {
            node.Add(ToNode(item));
        }

        return node;
    }

    private static YamlScalarNode Text(string text)
    {
        var style = text.Contains('\n', StringComparison.Ordinal) ? ScalarStyle.Literal
            : YamlValues.ToScalar(new YamlScalarNode(text) { Style = ScalarStyle.Plain }) is string && text.Trim() == text && text.Length > 0
                ? ScalarStyle.Any
                : ScalarStyle.DoubleQuoted;
        return new YamlScalarNode(text) { Style = style };
    }
}

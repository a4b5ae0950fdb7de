using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Evolve.Kernel.Prompts;

/// <summary>Reads and checks one knob of <c>heuristics.yaml</c>, adding every problem to a list.</summary>
internal static class HeuristicKnobReader
{
    public static HeuristicKnob? Read(string file, string name, YamlNode node, List<InputError> errors)
    {
        var line = (int)node.Start.Line;
        if (node is not YamlMappingNode map)
        {
            errors.Add(new InputError(file, line, name, "expected { type: float|int|bool|enum, value: ..., min/max or values }"));
            return null;
        }

        string? Scalar(string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s ? s.Value : null;

        var typeText = Scalar("type");
        if (!Enum.TryParse<HeuristicType>(typeText, ignoreCase: true, out var type))
        {
            errors.Add(new InputError(file, line, $"{name}.type", $"must be float, int, bool or enum, not '{typeText}'"));
            return null;
        }

        var min = Number(Scalar("min"), file, line, $"{name}.min", errors);
        var max = Number(Scalar("max"), file, line, $"{name}.max", errors);
        var values = map.Children.TryGetValue(new YamlScalarNode("values"), out var vs) && vs is YamlSequenceNode seq
            ? seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList()
            : [];
        var valueText = Scalar("value");
        object? value = type switch
        {
            HeuristicType.Float => Number(valueText, file, line, $"{name}.value", errors),
            HeuristicType.Int => long.TryParse(valueText, CultureInfo.InvariantCulture, out var l) ? l : null,
            HeuristicType.Bool => bool.TryParse(valueText, out var b) ? b : null,
            _ => values.Contains(valueText ?? "") ? valueText : null,
        };

        if (value is null)
        {
            errors.Add(new InputError(file, line, $"{name}.value", $"'{valueText}' is not a valid {typeText}" +
                (type == HeuristicType.Enum ? $" (allowed: {string.Join(", ", values)})" : "")));
            return null;
        }

        var knob = new HeuristicKnob(name, type, value, min, max, values, Scalar("description"));
        var rangeError = CheckRange(knob);
        if (rangeError is not null)
        {
            errors.Add(new InputError(file, line, $"{name}.value", rangeError));
            return null;
        }

        return knob;
    }

    /// <summary>Null when the knob's value is inside its declared range; otherwise why not.</summary>
    public static string? CheckRange(HeuristicKnob knob)
    {
        if (knob.Type is HeuristicType.Float or HeuristicType.Int)
        {
            if (knob.Min is null || knob.Max is null)
            {
                return "numeric knobs need both min and max";
            }

            var v = Convert.ToDouble(knob.Value, CultureInfo.InvariantCulture);
            if (v < knob.Min || v > knob.Max)
            {
                return $"{knob.ValueText} is outside [{knob.Min}, {knob.Max}]";
            }
        }

        return knob.Type == HeuristicType.Enum && knob.Values.Count == 0 ? "enum knobs need a values list" : null;
    }

    private static double? Number(string? text, string file, int line, string field, List<InputError> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return d;
        }

        errors.Add(new InputError(file, line, field, $"'{text}' is not a number"));
        return null;
    }
}

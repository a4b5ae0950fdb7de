using System.Globalization;
using System.Text;
using YamlDotNet.RepresentationModel;
using Evolve.Kernel.Yaml;

namespace Evolve.Kernel.Prompts;

/// <summary>
/// A parsed, validated <c>heuristics.yaml</c>: knobs such as temperature, max_steps, plan_first and
/// self_test, each with a declared type and range.
/// </summary>
public sealed class Heuristics
{
    private Heuristics(IReadOnlyList<HeuristicKnob> knobs) => Knobs = knobs;

    /// <summary>An empty document (an agent without heuristics).</summary>
    public static Heuristics Empty { get; } = new([]);

    /// <summary>Knobs in file order.</summary>
    public IReadOnlyList<HeuristicKnob> Knobs { get; }

    /// <summary>Knob name to current value (double, long, bool or string).</summary>
    public IReadOnlyDictionary<string, object> Values => Knobs.ToDictionary(k => k.Name, k => k.Value);

    /// <summary>A knob's value as a double, or <paramref name="fallback"/> when absent or not numeric.</summary>
    public double GetNumber(string name, double fallback) =>
        Knobs.FirstOrDefault(k => k.Name == name)?.Value switch
        {
            double d => d,
            long l => l,
            _ => fallback,
        };

    /// <summary>A knob's value as a bool, or <paramref name="fallback"/>.</summary>
    public bool GetFlag(string name, bool fallback) =>
        Knobs.FirstOrDefault(k => k.Name == name)?.Value is bool b ? b : fallback;

    /// <summary>Parses and validates; throws <see cref="InputException"/> listing every problem with its line.</summary>
    public static Heuristics Parse(string text, string sourcePath)
    {
        var document = BoundedYaml.Read(text, sourcePath);
        if (document is null or YamlScalarNode { Value: null or "" })
        {
            return Empty;
        }

        if (document is not YamlMappingNode root)
        {
            throw new InputException(sourcePath, (int)document.Start.Line, null, "expected a map of knob name to { type, value, ... }");
        }

        var errors = new List<InputError>();
        var knobs = new List<HeuristicKnob>();
        foreach (var (keyNode, valueNode) in root.Children)
        {
            var knob = HeuristicKnobReader.Read(sourcePath, ((YamlScalarNode)keyNode).Value ?? "", valueNode, errors);
            if (knob is not null)
            {
                knobs.Add(knob);
            }
        }

        return errors.Count > 0 ? throw new InputException(errors) : new Heuristics(knobs);
    }

    /// <summary>Writes the document back as YAML in the same shape it is read.</summary>
    public string ToYaml()
    {
        var yaml = new StringBuilder();
        foreach (var knob in Knobs)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"{knob.Name}: {{ type: {knob.Type.ToString().ToLowerInvariant()}");
            if (knob.Min is double min)
            {
                yaml.Append(CultureInfo.InvariantCulture, $", min: {min}");
            }

            if (knob.Max is double max)
            {
                yaml.Append(CultureInfo.InvariantCulture, $", max: {max}");
            }

            if (knob.Values.Count > 0)
            {
                yaml.Append(CultureInfo.InvariantCulture, $", values: [{string.Join(", ", knob.Values)}]");
            }

            yaml.Append(CultureInfo.InvariantCulture, $", value: {knob.ValueText}");
            if (knob.Description is not null)
            {
                yaml.Append(CultureInfo.InvariantCulture, $", description: \"{knob.Description.Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
            }

            yaml.Append(" }\n");
        }

        return yaml.ToString();
    }
}

using YamlDotNet.RepresentationModel;

namespace Evolve.Core.Suites;

/// <summary>A case as written in a YAML, JSONL or CSV file: named fields with their lines.</summary>
/// <param name="Fields">Field name to value, in the order written.</param>
/// <param name="Source">Where the case starts.</param>
/// <param name="DefaultId">The id to use when the case has none (file stem and index).</param>
internal sealed record RawCase(IReadOnlyDictionary<string, RawField> Fields, SourceLocation Source, string DefaultId)
{
    /// <summary>How the file names a field when it differs from the case field (a CSV column such as <c>__split</c>).</summary>
    public IReadOnlyDictionary<string, string> FieldNames { get; init; } = new Dictionary<string, string>();

    /// <summary>The name to show in an error for <paramref name="field"/>.</summary>
    public string NameOf(string field) => FieldNames.GetValueOrDefault(field, field);

    /// <summary>Reads a YAML mapping, keeping the line of every key and of every list item.</summary>
    public static RawCase FromYaml(YamlMappingNode mapping, string file, string defaultId)
    {
        var fields = new Dictionary<string, RawField>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            var itemLines = value is YamlSequenceNode sequence
                ? sequence.Children.Select(YamlDocumentReader.LineOf).ToList()
                : null;
            fields[YamlValues.KeyText(key)] = new RawField(YamlValues.ToValue(value), YamlDocumentReader.LineOf(key), itemLines);
        }

        return new RawCase(fields, new SourceLocation(file, YamlDocumentReader.LineOf(mapping)), defaultId);
    }

    /// <summary>Wraps plain values that all sit on one line (a JSONL record).</summary>
    public static RawCase FromMap(IReadOnlyDictionary<string, object?> map, SourceLocation source, string defaultId) =>
        new(map.ToDictionary(kv => kv.Key, kv => new RawField(kv.Value, source.Line), StringComparer.Ordinal), source, defaultId);
}

namespace Evolve.Core.Suites;

/// <summary>One header cell of a CSV case file, classified by promptfoo's reserved names.</summary>
/// <param name="Header">The header as written.</param>
/// <param name="Kind">What the column holds.</param>
/// <param name="Key">The variable or metadata key, when the column has one.</param>
internal sealed record CsvColumn(string Header, CsvColumnKind Kind, string? Key)
{
    private const string MetadataPrefix = "__metadata:";
    private const string ConfigPrefix = "__config:";

    /// <summary>The reserved names, for the message about an unknown one.</summary>
    public const string ReservedNames =
        "__expected, __expected1..N, __description, __prefix, __suffix, __metric, __threshold, __split, __id, __metadata:key, __metadata:key[], __config:__expected[N]:threshold";

    /// <summary>Classifies a header; null for a reserved-looking name that is not one (<c>__expcted</c>).</summary>
    public static CsvColumn? Classify(string header)
    {
        var name = header.Trim();
        if (!name.StartsWith("__", StringComparison.Ordinal))
        {
            return new CsvColumn(header, CsvColumnKind.Var, name);
        }

        if (name.StartsWith(MetadataPrefix, StringComparison.Ordinal) && name.Length > MetadataPrefix.Length)
        {
            var key = name[MetadataPrefix.Length..];
            return key.EndsWith("[]", StringComparison.Ordinal) && key.Length > 2
                ? new CsvColumn(header, CsvColumnKind.MetadataList, key[..^2])
                : new CsvColumn(header, CsvColumnKind.Metadata, key);
        }

        // promptfoo's __config:__expected2:threshold sets the threshold of the __expected2 column's assertion.
        if (name.StartsWith(ConfigPrefix, StringComparison.Ordinal)
            && name[ConfigPrefix.Length..].Split(':') is [var target, "threshold"] && IsExpected(target))
        {
            return new CsvColumn(header, CsvColumnKind.ExpectedThreshold, target);
        }

        if (IsExpected(name))
        {
            return new CsvColumn(header, CsvColumnKind.Expected, null);
        }

        CsvColumnKind? kind = name switch
        {
            "__description" => CsvColumnKind.Description,
            "__prefix" => CsvColumnKind.Prefix,
            "__suffix" => CsvColumnKind.Suffix,
            "__metric" => CsvColumnKind.Metric,
            "__threshold" => CsvColumnKind.Threshold,
            "__split" => CsvColumnKind.Split,
            "__id" => CsvColumnKind.Id,
            _ => null,
        };
        return kind is { } known ? new CsvColumn(header, known, null) : null;
    }

    private static bool IsExpected(string name) =>
        name == "__expected" || (name.StartsWith("__expected", StringComparison.Ordinal) && name[10..].All(char.IsAsciiDigit));
}

namespace Evolve.Core.Suites;

/// <summary>What a column of a promptfoo-style CSV case file holds.</summary>
internal enum CsvColumnKind
{
    Var,
    Expected,
    Description,
    Prefix,
    Suffix,
    Metric,
    Threshold,
    Split,
    Id,
    Metadata,
    MetadataList,
    ExpectedThreshold,
}

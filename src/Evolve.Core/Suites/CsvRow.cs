namespace Evolve.Core.Suites;

/// <summary>Turns one CSV record into a <see cref="RawCase"/>, following promptfoo's column meanings.</summary>
internal static class CsvRow
{
    public static RawCase ToRawCase(CsvColumn[] columns, string[] cells, SourceLocation at, string defaultId, ErrorSink errors, AssertionReader assertions)
    {
        var vars = new Dictionary<string, object?>(StringComparer.Ordinal);
        var metadata = new Dictionary<string, object?>(StringComparer.Ordinal);
        var fields = new Dictionary<string, RawField>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var metric = columns.Select((c, i) => c.Kind == CsvColumnKind.Metric && cells[i].Length > 0 ? cells[i] : null).LastOrDefault(m => m is not null);
        var asserts = new List<object?>();
        var thresholds = ExpectedThresholds(columns, cells, at, errors);

        void Set(string field, string column, object? value)
        {
            fields[field] = new RawField(value, at.Line);
            names[field] = column;
        }

        for (var i = 0; i < columns.Length; i++)
        {
            var (column, cell) = (columns[i], cells[i]);
            switch (column.Kind)
            {
                case CsvColumnKind.Var:
                    vars[column.Key!] = cell;
                    break;
                case CsvColumnKind.Expected:
                    if (PromptfooExpectedCell.Parse(cell, assertions, errors, metric, at, column.Header) is { } spec)
                    {
                        asserts.Add(WithThreshold(spec, thresholds.GetValueOrDefault(column.Header.Trim()), at, column.Header, errors));
                    }

                    break;
                case CsvColumnKind.Metadata when cell.Length > 0:
                    metadata[column.Key!] = cell;
                    if (column.Key == "difficulty")
                    {
                        Set("difficulty", column.Header, cell.Trim());
                    }

                    break;
                case CsvColumnKind.MetadataList when cell.Length > 0:
                    metadata[column.Key!] = SplitList(cell);
                    // Evolve's case fields that promptfoo's grammar has no column for ride on metadata.
                    if (column.Key is "hints" or "tags")
                    {
                        Set(column.Key, column.Header, SplitList(cell));
                    }

                    break;
                case CsvColumnKind.Prefix when cell.Length > 0:
                    metadata["prefix"] = cell;
                    break;
                case CsvColumnKind.Suffix when cell.Length > 0:
                    metadata["suffix"] = cell;
                    break;
                case CsvColumnKind.Description when cell.Length > 0:
                    Set("description", column.Header, cell);
                    break;
                case CsvColumnKind.Threshold when cell.Trim().Length > 0:
                    Set("threshold", column.Header, cell.Trim());
                    break;
                case CsvColumnKind.Split when cell.Trim().Length > 0:
                    Set("split", column.Header, cell.Trim());
                    break;
                case CsvColumnKind.Id when cell.Trim().Length > 0:
                    Set("id", column.Header, cell.Trim());
                    break;
            }
        }

        fields["vars"] = new RawField(vars, at.Line);
        fields["assert"] = new RawField(asserts, at.Line);
        if (metadata.Count > 0)
        {
            fields["metadata"] = new RawField(metadata, at.Line);
        }

        return new RawCase(fields, at, defaultId) { FieldNames = names };
    }

    // The __config:__expectedN:threshold cells of this row, by the __expected column they name.
    private static Dictionary<string, (double Value, string Column)?> ExpectedThresholds(CsvColumn[] columns, string[] cells, SourceLocation at, ErrorSink errors)
    {
        var thresholds = new Dictionary<string, (double Value, string Column)?>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Length; i++)
        {
            if (columns[i].Kind != CsvColumnKind.ExpectedThreshold || cells[i].Trim().Length == 0)
            {
                continue;
            }

            if (ValueText.AsNumber(cells[i].Trim()) is { } value)
            {
                thresholds[columns[i].Key!] = (value, columns[i].Header);
            }
            else
            {
                errors.Add(at, columns[i].Header, $"threshold must be a number, not '{cells[i].Trim()}'");
            }
        }

        return thresholds;
    }

    // A threshold written in the cell itself (contains(0.8):x) wins over the config column's.
    private static AssertionSpec WithThreshold(AssertionSpec spec, (double Value, string Column)? threshold, SourceLocation at, string column, ErrorSink errors)
    {
        if (threshold is not { } config || spec.Threshold is not null)
        {
            return spec;
        }

        if (AssertionReader.ThresholdProblem(spec.Type, config.Value) is { } problem)
        {
            errors.Add(at, config.Column, $"{problem} (for {column})");
            return spec;
        }

        return spec with { Threshold = config.Value };
    }

    /// <summary>Splits a <c>__metadata:key[]</c> cell on commas; <c>\,</c> is a comma inside an item.</summary>
    public static List<object?> SplitList(string cell)
    {
        var items = new List<object?>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < cell.Length; i++)
        {
            if (cell[i] == '\\' && i + 1 < cell.Length && cell[i + 1] == ',')
            {
                current.Append(',');
                i++;
            }
            else if (cell[i] == ',')
            {
                items.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(cell[i]);
            }
        }

        items.Add(current.ToString().Trim());
        return items.Where(item => ((string)item!).Length > 0).ToList();
    }
}

using System.Text;
using CsvHelper;

namespace Evolve.Core.Suites;

/// <summary>
/// Reads a promptfoo-style CSV case file (see <see cref="CsvColumn"/> for the reserved columns).
/// The delimiter is a comma, or a tab when the header line has more tabs than commas. Each
/// record's line is the physical line where it starts, so quoted multi-line cells do not shift it.
/// </summary>
internal static class CsvCaseFileReader
{
    public static IEnumerable<RawCase> Read(byte[] bytes, string displayPath, string stem, ErrorSink errors, AssertionReader assertions)
    {
        var options = new CsvReaderOptions
        {
            Separator = SniffSeparator(bytes),
            TrackLineNumbers = true,
            OnMalformedRecord = bad => errors.Add(displayPath, (int)bad.LineNumber, null, $"malformed CSV: {Describe(bad.Reason)}"),
        };
        using var reader = CsvReader.Create(bytes, options);
        string[] headers;
        try
        {
            headers = reader.Headers.ToArray();
        }
        catch (CsvFormatException e)
        {
            errors.Add(displayPath, 1, null, $"malformed CSV header: {e.Message}");
            return [];
        }

        if (headers.Length == 0 || headers.All(h => h.Trim().Length == 0))
        {
            errors.Add(displayPath, 1, null, "the CSV file has no header row naming its columns");
            return [];
        }

        var columns = Columns(headers, displayPath, errors);
        var cases = new List<RawCase>();
        while (reader.Read())
        {
            var line = (int)reader.LineNumber;
            var cells = reader.Current.ToArray();
            if (cells.Length != headers.Length)
            {
                errors.Add(displayPath, line, null, $"the row has {cells.Length} cells but the header has {headers.Length} columns");
                continue;
            }

            if (columns is not null)
            {
                var at = new SourceLocation(displayPath, line);
                cases.Add(CsvRow.ToRawCase(columns, cells, at, $"{stem}-{reader.RowNumber}", errors, assertions));
            }
        }

        return cases;
    }

    private static CsvColumn[]? Columns(string[] headers, string displayPath, ErrorSink errors)
    {
        var columns = new CsvColumn[headers.Length];
        var ok = true;
        for (var i = 0; i < headers.Length; i++)
        {
            if (CsvColumn.Classify(headers[i]) is not { } column)
            {
                errors.Add(displayPath, 1, headers[i], $"unknown reserved column '{headers[i]}'; reserved columns are {CsvColumn.ReservedNames}");
                ok = false;
                continue;
            }

            if (column.Kind == CsvColumnKind.Var && column.Key!.Length == 0)
            {
                errors.Add(displayPath, 1, $"column {i + 1}", "the column has no name; the header must name every variable");
                ok = false;
            }
            else if (headers.Take(i).Any(h => h.Trim() == headers[i].Trim()))
            {
                errors.Add(displayPath, 1, headers[i], $"column '{headers[i]}' appears more than once in the header");
                ok = false;
            }

            columns[i] = column;
        }

        return ok ? columns : null;
    }

    private static char SniffSeparator(byte[] bytes)
    {
        var end = Array.IndexOf(bytes, (byte)'\n');
        var header = Encoding.UTF8.GetString(bytes, 0, end < 0 ? bytes.Length : end);
        return header.Count(c => c == '\t') > header.Count(c => c == ',') ? '\t' : ',';
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.UnterminatedQuote => "a quoted cell is never closed (a missing \")",
        CsvMalformedReason.StrayQuote => "a quote inside an unquoted cell; quote the whole cell and double the quote (\"\")",
        CsvMalformedReason.TextAfterClosingQuote => "text after the closing quote of a cell",
        _ => reason.ToString(),
    };
}

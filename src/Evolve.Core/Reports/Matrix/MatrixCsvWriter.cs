using System.Globalization;
using CsvHelper;
using Evolve.Core.Evaluation.Matrix;

namespace Evolve.Core.Reports.Matrix;

/// <summary>
/// Writes a matrix as promptfoo's table: one row per case, a score and a pass column per
/// prompt × model (headings name the model, so a simulated column is never mistaken for a real one).
/// </summary>
public static class MatrixCsvWriter
{
    /// <summary>Writes <paramref name="result"/> to <paramref name="writer"/>.</summary>
    public static void Write(MatrixResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var csv = CsvWriter.Create(writer, CsvWriterOptions.Default, true);
        csv.WriteRecord(["case_id", .. result.Columns.SelectMany(c => new[] { $"{c.Label} score", $"{c.Label} pass" })]);
        foreach (var evalCase in result.Cases)
        {
            csv.WriteRecord([evalCase.Id, .. result.Columns.SelectMany(c => Cell(c, evalCase.Id))]);
        }

        csv.Flush();
    }

    private static string[] Cell(MatrixColumn column, string caseId) => column.Cell(caseId) is { } cell
        ? [cell.MeanScore.ToString("0.####", CultureInfo.InvariantCulture), cell.PassRate.ToString("0.####", CultureInfo.InvariantCulture)]
        : ["", ""];
}

using System.Globalization;
using Evolve.Core.Evaluation.Matrix;
using Evolve.Core.Reports;
using Evolve.Core.Reports.Matrix;
using Spectre.Console;

namespace Evolve.Cli.Output;

/// <summary>Writes a matrix (promptfoo's table: case rows, one column per prompt × model) as a table, JSON or CSV.</summary>
internal static class MatrixOutput
{
    private const int MaxCell = 40;

    public static async Task WriteAsync(MatrixResult result, EvalOutputFormat format, string? file, CliContext context)
    {
        if (file is null)
        {
            Write(result, format, context.Out);
            return;
        }

        var temp = EvalOutput.TempPath(file);
        await using (var writer = new StreamWriter(temp))
        {
            Write(result, format, writer);
        }

        File.Move(temp, file, overwrite: true);
        await context.Error.WriteLineAsync($"matrix of {result.Columns.Count} columns; wrote {file}").ConfigureAwait(false);
    }

    private static void Write(MatrixResult result, EvalOutputFormat format, TextWriter writer)
    {
        switch (format)
        {
            case EvalOutputFormat.Json: MatrixJsonWriter.Write(result, writer); break;
            case EvalOutputFormat.Csv: MatrixCsvWriter.Write(result, writer); break;
            default: WriteTable(result, writer); break;
        }
    }

    private static void WriteTable(MatrixResult result, TextWriter writer)
    {
        foreach (var model in result.Columns.Select(c => c.Result.Model).DistinctBy(m => m.Uri))
        {
            writer.WriteLine(ModelLabel.Line(model));
        }

        var table = new Table().Border(TableBorder.Simple).AddColumn("case");
        foreach (var column in result.Columns)
        {
            table.AddColumn(Markup.Escape(column.Label));
        }

        foreach (var evalCase in result.Cases)
        {
            table.AddRow([Markup.Escape(evalCase.Id), .. result.Columns.Select(c => Markup.Escape(Cell(c, evalCase.Id)))]);
        }

        table.AddRow(["pass rate", .. result.Columns.Select(c => c.Result.Summary.PassRate.ToString("P0", CultureInfo.InvariantCulture))]);
        table.AddRow(["mean score", .. result.Columns.Select(c => c.Result.Summary.MeanScore.ToString("0.000", CultureInfo.InvariantCulture))]);
        foreach (var metric in result.Columns.SelectMany(c => c.NamedMetrics.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            table.AddRow([Markup.Escape(metric), .. result.Columns.Select(c => c.NamedMetrics.TryGetValue(metric, out var v) ? v.ToString("0.000", CultureInfo.InvariantCulture) : "")]);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = Math.Max(160, 24 + (result.Columns.Count * (MaxCell + 3)));
        console.Write(table);
        foreach (var column in result.Columns)
        {
            writer.WriteLine($"{column.Label}: {column.Result.RunDirectory}");
        }

        if (result.MinScore is double min)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gate: every column's mean score >= {min}: {(result.GatePassed ? "passed" : "FAILED")}"));
        }
    }

    // As promptfoo shows a cell: the verdict, the score, and the start of the answer.
    private static string Cell(MatrixColumn column, string caseId)
    {
        if (column.Cell(caseId) is not { } cell)
        {
            return "";
        }

        var verdict = cell.PassRate >= 1 ? "PASS" : cell.PassRate > 0 ? "FLAKY" : "FAIL";
        var output = cell.Rollouts.Count > 0 ? cell.Rollouts[0].Output.ReplaceLineEndings(" ") : "";
        var text = string.Create(CultureInfo.InvariantCulture, $"[{verdict} {cell.MeanScore:0.00}] {output}");
        return text.Length <= MaxCell ? text : text[..(MaxCell - 1)] + "…";
    }
}

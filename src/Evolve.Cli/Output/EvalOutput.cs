using Evolve.Core.Evaluation;
using Evolve.Core.Reports;

namespace Evolve.Cli.Output;

/// <summary>Writes an evaluation in the chosen format to standard output or, atomically, to a file.</summary>
internal static class EvalOutput
{
    public static async Task WriteAsync(EvalJobResult result, EvalOutputFormat format, string? file, CliContext context)
    {
        if (file is null)
        {
            Write(result, format, context.Out);
            return;
        }

        // Write beside the target and rename, so an existing file is never left half-written.
        var temp = TempPath(file);
        await using (var writer = new StreamWriter(temp))
        {
            Write(result, format, writer);
        }

        File.Move(temp, file, overwrite: true);
        await context.Error.WriteLineAsync($"{ModelLabel.Line(result.Model)}; mean score {result.Summary.MeanScore:0.000}; wrote {file}").ConfigureAwait(false);
    }

    /// <summary>Where the result is written before it is renamed over <paramref name="file"/>.</summary>
    public static string TempPath(string file) => file + ".tmp";

    private static void Write(EvalJobResult result, EvalOutputFormat format, TextWriter writer)
    {
        switch (format)
        {
            case EvalOutputFormat.Json: EvalJsonWriter.Write(result, writer); break;
            case EvalOutputFormat.Csv: EvalCsvWriter.Write(result, writer); break;
            case EvalOutputFormat.Junit: EvalJunitWriter.Write(result, writer); break;
            default: EvalTableWriter.Write(result, writer); break;
        }
    }
}

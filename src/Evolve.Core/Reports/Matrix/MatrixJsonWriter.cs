using System.Text.Json;
using Evolve.Core.Evaluation.Matrix;

namespace Evolve.Core.Reports.Matrix;

/// <summary>Writes a matrix as one JSON document: its columns with their summaries and named metrics, then one row per case.</summary>
public static class MatrixJsonWriter
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Writes <paramref name="result"/> to <paramref name="writer"/>.</summary>
    public static void Write(MatrixResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        var document = new
        {
            simulated = result.Simulated,
            modelNote = result.Simulated ? ModelLabel.SimulatorNote : null,
            columns = result.Columns.Select(c => new
            {
                prompt = c.Prompt, model = c.Model, simulated = c.Result.Model.Simulated, run = c.Result.Run.Id, runDirectory = c.Result.RunDirectory,
                meanScore = c.Result.Summary.MeanScore, passRate = c.Result.Summary.PassRate, errors = c.Result.Summary.Errors,
                namedMetrics = c.NamedMetrics, gatePassed = c.Result.GatePassed,
            }),
            cases = result.Cases.Select(evalCase => new
            {
                id = evalCase.Id,
                description = evalCase.Description,
                vars = evalCase.Vars,
                results = result.Columns.Select(c => c.Cell(evalCase.Id) is { } cell
                    ? new { score = (double?)cell.MeanScore, passRate = (double?)cell.PassRate, output = cell.Rollouts.Count > 0 ? cell.Rollouts[0].Output : null, feedback = cell.Rollouts.FirstOrDefault(r => !r.Score.Pass)?.Score.Feedback }
                    : new { score = (double?)null, passRate = (double?)null, output = (string?)null, feedback = (string?)null }),
            }),
            minScore = result.MinScore,
            gatePassed = result.GatePassed,
        };
        writer.Write(JsonSerializer.Serialize(document, Options));
        writer.WriteLine();
    }
}

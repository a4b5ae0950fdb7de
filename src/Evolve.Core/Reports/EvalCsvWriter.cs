using System.Globalization;
using CsvHelper;
using Evolve.Core.Evaluation;

namespace Evolve.Core.Reports;

/// <summary>Writes one CSV row per rollout; every row names the model so a simulated row is never mistaken for a real one.</summary>
public static class EvalCsvWriter
{
    /// <summary>Writes <paramref name="result"/> to <paramref name="writer"/>.</summary>
    public static void Write(EvalJobResult result, TextWriter writer)
    {
        using var csv = CsvWriter.Create(writer, CsvWriterOptions.Default, true);
        csv.WriteRecord(["case_id", "split", "repeat", "score", "pass", "error", "feedback", "output", "model", "simulated", "run"]);
        foreach (var r in result.Summary.Rollouts)
        {
            csv.WriteRecord(
            [
                r.CaseId, r.Split.ToString().ToLowerInvariant(), r.Repeat.ToString(CultureInfo.InvariantCulture),
                r.Score.Value.ToString("0.####", CultureInfo.InvariantCulture), r.Score.Pass ? "true" : "false", r.Error ?? "",
                r.Score.Feedback, r.Output, result.Model.Uri, result.Model.Simulated ? "true" : "false", result.Run.Id,
            ]);
        }

        csv.Flush();
    }
}

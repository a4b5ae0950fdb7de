using System.Text.Json;
using Evolve.Core.Evaluation;

namespace Evolve.Core.Reports;

/// <summary>Writes an evaluation as one JSON document.</summary>
public static class EvalJsonWriter
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Writes <paramref name="result"/> to <paramref name="writer"/>.</summary>
    public static void Write(EvalJobResult result, TextWriter writer)
    {
        var s = result.Summary;
        var document = new
        {
            model = result.Model.Uri,
            simulated = result.Model.Simulated,
            modelNote = result.Model.Simulated ? ModelLabel.SimulatorNote : null,
            run = result.Run.Id,
            runDirectory = result.RunDirectory,
            suite = result.Suite.Name,
            agent = result.Run.Agent,
            candidate = result.Candidate.Id,
            sandbox = result.Sandbox,
            summary = new
            {
                meanScore = s.MeanScore, passRate = s.PassRate, cases = s.Cases.Count, rollouts = s.Rollouts.Count,
                newRollouts = s.NewRollouts, errors = s.Errors, inputTokens = s.Tokens.Input, outputTokens = s.Tokens.Output,
                wallSeconds = s.WallTime.TotalSeconds, rolloutsPerSecond = s.RolloutsPerSecond,
                minScore = result.MinScore, gatePassed = result.GatePassed, namedMetrics = result.Suite.Metrics(s.NamedMetrics),
            },
            cases = s.Cases.Select(c => new
            {
                id = c.Case.Id, split = c.Case.Split?.ToString().ToLowerInvariant(), meanScore = c.MeanScore, passRate = c.PassRate, flaky = c.Flaky,
                rollouts = c.Rollouts.Select(r => new { repeat = r.Repeat, score = r.Score.Value, pass = r.Score.Pass, feedback = r.Score.Feedback, error = r.Error, output = r.Output }),
            }),
        };
        writer.Write(JsonSerializer.Serialize(document, Options));
        writer.WriteLine();
    }
}

using System.Text.Json.Nodes;
using Evolve.Core.Reports;
using Evolve.Core.ScoreServing;

namespace Evolve.Cli.Serving;

/// <summary>The <c>POST /v1/score</c> answer: the mean, then per case its score, pass, output, feedback and tokens, and each repeat.</summary>
internal static class ScoreResultJson
{
    public static JsonObject Write(ScoreResult result, string suite) => new()
    {
        ["suite"] = suite,
        ["candidate"] = result.CandidateId,
        ["model"] = result.Model,
        ["simulated"] = result.Simulated,
        ["modelNote"] = result.Simulated ? ModelLabel.SimulatorNote : null,
        ["repeat"] = result.Repeat,
        ["score"] = result.Score,
        ["cases"] = new JsonArray([.. result.Cases.Select(Case)]),
    };

    private static JsonObject Case(ScoredCase scored) => new()
    {
        ["id"] = scored.Id,
        ["score"] = scored.Score,
        ["pass"] = scored.Pass,
        ["output"] = scored.Output,
        ["feedback"] = scored.Feedback,
        ["tokens"] = scored.Tokens,
        ["repeats"] = new JsonArray([.. scored.Rollouts.Select(r => (JsonNode)new JsonObject
        {
            ["repeat"] = r.Repeat,
            ["score"] = r.Score.Value,
            ["pass"] = r.Score.Pass,
            ["output"] = r.Output,
            ["feedback"] = r.Score.Feedback,
            ["input_tokens"] = r.InputTokens,
            ["output_tokens"] = r.OutputTokens,
            ["error"] = r.Error,
        })]),
    };
}

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Evolve.Core.Evaluation;
using Evolve.Core.Runs;
using Evolve.Core.Stats;
using Evolve.Core.Suites;

namespace Evolve.Core.Promotion;

/// <summary>The evidence and gate results a promoted version carries, in the library's JSON shape (keyed by model URI).</summary>
internal static partial class PromotionEvidence
{
    public static JsonObject Build(RunInfo run, Suite suite, ModelHandle model, PromotionOptions options, int? liveVersion, PairedComparisonResult? holdout)
    {
        var entry = new JsonObject
        {
            ["suite"] = suite.Name,
            ["suite_hash"] = suite.ContentHash,
            ["split"] = "holdout",
            ["repeat"] = options.Repeat,
            ["model"] = model.Uri,
            ["simulated"] = model.Simulated,
            ["run"] = run.Id,
            ["live_version"] = liveVersion,
            ["tolerance"] = options.Tolerance,
        };
        if (holdout is not null)
        {
            entry["n"] = holdout.N;
            entry["live_mean"] = holdout.MeanA;
            entry["candidate_mean"] = holdout.MeanB;
            entry["difference"] = holdout.MeanDifference;
            entry["ci"] = new JsonArray(holdout.DifferenceInterval.Lower, holdout.DifferenceInterval.Upper);
            entry["confidence"] = holdout.DifferenceInterval.Level;
            entry["p_value"] = holdout.PValue;
            entry["mcnemar_p"] = holdout.McNemarP;
            entry["sign_test_p"] = holdout.SignTestP;
            entry["verdict"] = holdout.Verdict.ToString();
        }

        return new JsonObject { [model.Uri] = entry };
    }

    public static JsonObject Gates(IEnumerable<GateResult> gates)
    {
        var json = new JsonObject();
        foreach (var gate in gates)
        {
            json[gate.Name] = gate.ToJson();
        }

        return json;
    }

    /// <summary>The candidate's operator when the library accepts it as one (lower-case word), else reflect.</summary>
    public static string Operator(Candidate candidate) => OperatorPattern().IsMatch(candidate.Operator) ? candidate.Operator : "reflect";

    [GeneratedRegex("^[a-z][a-z-]{0,31}$")]
    private static partial Regex OperatorPattern();
}

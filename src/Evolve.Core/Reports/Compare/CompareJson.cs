using System.Text.Json;
using Evolve.Core.Compare;

namespace Evolve.Core.Reports.Compare;

/// <summary><c>evolve compare --format json</c>: everything the terminal shows, as one JSON document.</summary>
public static class CompareJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Writes the document.</summary>
    public static void Write(CompareResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        var s = result.Statistics;
        var (nameA, nameB) = result.Names;
        object Side(ResolvedCandidate side, string name) => new { name, reference = side.Reference.Text, kind = side.Reference.Kind.ToString(), source = side.Source, candidate = side.Candidate.Id, agent = side.Profile.Name };
        writer.Write(JsonSerializer.Serialize(
            new
            {
                run = result.Run.Id, runDirectory = result.RunDirectory, model = result.Model.Uri, simulated = result.Model.Simulated,
                modelLine = ModelLabel.Line(result.Model), suite = result.Suite.Name, split = result.Split, repeat = result.Repeat, seed = result.Seed,
                a = Side(result.A, nameA), b = Side(result.B, nameB),
                statistics = new
                {
                    n = s.N, meanA = s.MeanA, meanB = s.MeanB, meanDifference = s.MeanDifference,
                    interval = new { lower = s.DifferenceInterval.Lower, upper = s.DifferenceInterval.Upper, level = s.DifferenceInterval.Level },
                    passRateA = s.PassRateA, passRateB = s.PassRateB, aPassBFail = s.APassBFail, aFailBPass = s.AFailBPass,
                    mcNemarP = s.McNemarP, signTestP = s.SignTestP, pValue = s.PValue, wins = s.Wins, ties = s.Ties, losses = s.Losses,
                    effectSize = s.EffectSize, verdict = s.Verdict.ToString(), headline = CompareWording.Headline(s, nameA, nameB), explanation = s.Explanation,
                    notes = CompareWording.Notes(s, nameA, nameB),
                },
                cases = result.Cases.Select(c => new
                {
                    id = c.CaseId, split = c.A.Case.Split?.ToString().ToLowerInvariant(), aMean = c.A.MeanScore, bMean = c.B.MeanScore,
                    difference = c.Difference, aPass = c.APass, bPass = c.BPass, aRepeats = c.A.Rollouts.Count, bRepeats = c.B.Rollouts.Count,
                }),
                reports = result.Reports,
            },
            Options));
        writer.WriteLine();
    }

    /// <summary>The document for a comparison not run because both references are the same texts (see <see cref="CompareText.SameCandidate"/>).</summary>
    public static void WriteSameCandidate(ComparePlan plan, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(writer);
        object Side(ResolvedCandidate side) => new { reference = side.Reference.Text, kind = side.Reference.Kind.ToString(), source = side.Source, candidate = side.Candidate.Id, agent = side.Profile.Name };
        writer.Write(JsonSerializer.Serialize(new { sameCandidate = true, message = CompareText.SameCandidate(plan), a = Side(plan.A), b = Side(plan.B) }, Options));
        writer.WriteLine();
    }
}

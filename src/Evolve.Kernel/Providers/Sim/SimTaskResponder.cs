using System.Globalization;
using System.Runtime.CompilerServices;

namespace Evolve.Kernel.Providers.Sim;

/// <summary>
/// Task mode: decides right or wrong from the odds and a stable draw, then writes the oracle's
/// answer or a corruption of it in the format the case expects.
/// </summary>
internal sealed class SimTaskResponder
{
    private static readonly ConditionalWeakTable<SimOracle, string[]> NormalizedCues = [];
    private static readonly ConditionalWeakTable<SimOracle, SimCueWeights> WeightedCues = [];
    private static readonly string[] CodeLeadIns =
    [
        "Here is the implementation.",
        "Here is a solution.",
        "This function should do it:",
    ];

    private readonly int _seed;
    private readonly double? _competence;
    private readonly SimProfile _profile;

    public SimTaskResponder(int seed, double? competence, SimProfile profile = SimProfiles.Default)
    {
        _seed = seed;
        _competence = competence;
        _profile = profile;
    }

    public SimAnswer Respond(SimOracle oracle, SimPrompt prompt, SimHeuristics heuristics, int repeat, double? temperature)
    {
        // A fixed competence replaces the whole dynamics, the irreducible error included: tests that force it mean it.
        var irreducible = _profile == SimProfile.V2 && _competence is null && SimIrreducible.Fails(_seed, oracle);
        var p = _competence ?? (irreducible ? 0 : Odds(oracle, prompt, heuristics, temperature));

        var candidate = StableHash.Combine(prompt.Hash, heuristics.Hash, 0UL, 0UL);
        var digest = StableHash.Combine(unchecked((ulong)_seed), (ulong)(uint)repeat, candidate, oracle.CaseId);
        var correct = Draw(oracle.CaseId, repeat, digest) < p;
        var body = correct
            ? oracle.Reference
            : AnswerCorruptor.Corrupt(oracle.Reference, oracle.Kind, StableHash.Derive(digest, 1));
        return new SimAnswer(Format(oracle.Kind, body, digest), correct, p, digest, irreducible);
    }

    private double Odds(SimOracle oracle, SimPrompt prompt, SimHeuristics heuristics, double? temperature)
    {
        if (_profile == SimProfile.V1)
        {
            var cues = NormalizedCues.GetValue(oracle, static o => o.Cues.Select(CueMatcher.Normalize).Where(c => c.Length > 0).ToArray());
            return SimOdds.Of(oracle.Difficulty, CueMatcher.CoverageNormalized(prompt.Normalized, cues), heuristics, temperature, prompt.Tokens);
        }

        var coverage = WeightedCues.GetValue(oracle, SimCueWeights.Of).Coverage(prompt.Normalized);
        return SimV2Odds.Of(oracle.Difficulty, coverage, heuristics, temperature, prompt.Tokens, prompt.Conflicts);
    }

    /// <summary>
    /// The uniform draw compared with the odds. A real model finds the same cases hard whatever the
    /// prompt: nine times in ten (<see cref="SimDefaults.CaseLuckShare"/>) the draw is the case's own
    /// luck for this seed and repeat, shared by every candidate, and otherwise a draw of this very
    /// candidate. Either way it is uniform, so the odds are exact, but a change that does not move
    /// the odds mostly keeps the same answers, and a better prompt passes what a worse one passed.
    /// </summary>
    private double Draw(string caseId, int repeat, ulong candidateDigest)
    {
        var caseLuck = StableHash.Combine(unchecked((ulong)_seed), (ulong)(uint)repeat, 0xCA5EUL, caseId);
        var shared = StableHash.ToUnit(StableHash.Derive(candidateDigest, 7)) < SimDefaults.CaseLuckShare;
        return StableHash.ToUnit(shared ? caseLuck : candidateDigest);
    }

    internal static string Format(SimAnswerKind kind, string body, ulong digest) => kind switch
    {
        SimAnswerKind.Code => string.Create(
            CultureInfo.InvariantCulture,
            $"{CodeLeadIns[(int)(digest % (ulong)CodeLeadIns.Length)]}\n\n```python\n{body.TrimEnd()}\n```\n"),
        _ => body,
    };
}

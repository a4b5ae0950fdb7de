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
    private static readonly string[] CodeLeadIns =
    [
        "Here is the implementation.",
        "Here is a solution.",
        "This function should do it:",
    ];

    private readonly int _seed;
    private readonly double? _competence;

    public SimTaskResponder(int seed, double? competence)
    {
        _seed = seed;
        _competence = competence;
    }

    public SimAnswer Respond(SimOracle oracle, SimPrompt prompt, SimHeuristics heuristics, int repeat, double? temperature)
    {
        var cues = NormalizedCues.GetValue(oracle, static o => o.Cues.Select(CueMatcher.Normalize).Where(c => c.Length > 0).ToArray());
        var coverage = CueMatcher.CoverageNormalized(prompt.Normalized, cues);
        var p = _competence ?? SimOdds.Of(oracle.Difficulty, coverage, heuristics, temperature, prompt.Tokens);

        var candidate = StableHash.Combine(prompt.Hash, heuristics.Hash, 0UL, 0UL);
        var digest = StableHash.Combine(unchecked((ulong)_seed), (ulong)(uint)repeat, candidate, oracle.CaseId);
        var correct = StableHash.ToUnit(digest) < p;
        var body = correct
            ? oracle.Reference
            : AnswerCorruptor.Corrupt(oracle.Reference, oracle.Kind, StableHash.Derive(digest, 1));
        return new SimAnswer(Format(oracle.Kind, body, digest), correct, p);
    }

    private static string Format(SimAnswerKind kind, string body, ulong digest) => kind switch
    {
        SimAnswerKind.Code => string.Create(
            CultureInfo.InvariantCulture,
            $"{CodeLeadIns[(int)(digest % (ulong)CodeLeadIns.Length)]}\n\n```python\n{body.TrimEnd()}\n```\n"),
        _ => body,
    };
}

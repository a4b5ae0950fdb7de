using System.Globalization;
using Evolve.Core.Gepa.Reflection;
using Evolve.Kernel.Agents;

namespace Evolve.Core.Promotion;

/// <summary>The gates that need no rollouts: the artifacts parse, render and stay in range; no component outgrows its caps.</summary>
internal static class PromotionGates
{
    /// <summary>
    /// Templates parse, keep live's variables and render; heuristics parse and stay in range; no
    /// training answer is copied in. Checked with <see cref="CandidateGuard"/> against the live
    /// files as the seed, with size limits lifted (they are the next gate's) and no duplicate check
    /// (the library's history, not the run's candidates, is what matters here).
    /// </summary>
    public static GateResult Artifacts(AgentProfile profile, IReadOnlyDictionary<string, string> live, IReadOnlyDictionary<string, string> candidate, IEnumerable<string> references)
    {
        var unlimited = new GuardOptions { MaxComponentChars = int.MaxValue, MinGrowthChars = int.MaxValue / 2, MaxGrowthFraction = 0 };
        var context = new GuardContext(profile, live, new HashSet<string>(), references, unlimited);
        var problems = CandidateGuard.Check(context, candidate);
        return problems.Count == 0
            ? new GateResult("artifacts", true, $"{candidate.Count} artifacts parse and render; heuristics in range")
            : new GateResult("artifacts", false, string.Join(" ", problems));
    }

    /// <summary>Each component within the absolute cap and the growth allowance over its live text (the optimizer's limits).</summary>
    public static GateResult Size(IReadOnlyDictionary<string, string> live, IReadOnlyDictionary<string, string> candidate, GuardOptions limits)
    {
        var problems = new List<string>();
        foreach (var (name, text) in candidate.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var liveLength = live.TryGetValue(name, out var liveText) ? liveText.Length : 0;
            if (text.Length > limits.MaxComponentChars)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: {text.Length} characters is over the cap of {limits.MaxComponentChars}."));
            }
            else if (text.Length > limits.AllowedLength(liveLength))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: grew from {liveLength} to {text.Length} characters, over the allowed {limits.AllowedLength(liveLength)}."));
            }
        }

        var total = candidate.Values.Sum(t => t.Length);
        return problems.Count == 0
            ? new GateResult("size", true, string.Create(CultureInfo.InvariantCulture, $"{total} characters in all (live {live.Values.Sum(t => t.Length)}); within caps"))
            : new GateResult("size", false, string.Join(" ", problems));
    }
}

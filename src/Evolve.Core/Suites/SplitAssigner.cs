using System.Security.Cryptography;
using System.Text;

namespace Evolve.Core.Suites;

/// <summary>
/// Assigns a split to every case written without one, deterministically from the suite's seed.
/// <list type="number">
/// <item>Target counts: each split's share of all N cases, minus the cases already placed there
/// explicitly (never below 0), scaled to the number of unassigned cases; the fractions are rounded
/// by the largest-remainder method (ties go to train, then val, then holdout), so the counts sum
/// exactly and every split is as close to its share as whole cases allow.</item>
/// <item>Order: the unassigned cases are sorted by SHA-256 of "seed/case id", a permutation that
/// depends only on the seed and the ids (not on file order), so adding a case moves few others.</item>
/// <item>The first cases in that order fill train, the next val, the rest holdout.</item>
/// </list>
/// </summary>
internal static class SplitAssigner
{
    private static readonly Split[] Order = [Split.Train, Split.Val, Split.Holdout];

    public static IReadOnlyList<EvalCase> Assign(IReadOnlyList<EvalCase> cases, SplitRatio ratio)
    {
        var unassigned = cases.Where(c => c.Split is null).ToList();
        if (unassigned.Count == 0)
        {
            return cases;
        }

        var counts = Counts(cases, unassigned.Count, ratio);
        var ordered = unassigned.OrderBy(c => Key(ratio.Seed, c.Id), StringComparer.Ordinal).ToList();
        var assigned = new Dictionary<EvalCase, Split>(ReferenceEqualityComparer.Instance);
        var position = 0;
        foreach (var split in Order)
        {
            for (var i = 0; i < counts[split]; i++)
            {
                assigned[ordered[position++]] = split;
            }
        }

        return cases.Select(c => c.Split is null ? c with { Split = assigned[c] } : c).ToList();
    }

    private static Dictionary<Split, int> Counts(IReadOnlyList<EvalCase> cases, int unassigned, SplitRatio ratio)
    {
        var need = Order.ToDictionary(
            s => s,
            s => Math.Max(0, (ratio.Share(s) * cases.Count) - cases.Count(c => c.Split == s)));
        var totalNeed = need.Values.Sum();
        var exact = Order.ToDictionary(s => s, s => need[s] / totalNeed * unassigned);
        var counts = Order.ToDictionary(s => s, s => (int)Math.Floor(exact[s] + 1e-9));
        var left = unassigned - counts.Values.Sum();
        foreach (var split in Order.OrderByDescending(s => exact[s] - counts[s]).ThenBy(s => s).Take(left))
        {
            counts[split]++;
        }

        return counts;
    }

    private static string Key(int seed, string id) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}/{id}")));
}

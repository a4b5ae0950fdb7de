namespace Evolve.Core.Gepa.Search;

/// <summary>
/// The final pick among the search's leaders, made on fresh validation repeats the search never
/// used to choose them. Among many candidates the best validation mean is partly luck (the winner's
/// curse), so each leader is judged by its paired difference from the seed on the new repeats,
/// less one standard error: a lower bound that favours a steady gain over a large, noisy one. Only
/// a leader whose fresh mean beats the seed's can be picked; when none does, the seed is kept.
/// </summary>
internal static class FinalPick
{
    /// <summary>Ranks <paramref name="contenders"/> (fresh mean per validation case each) against the seed's fresh scores.</summary>
    /// <param name="seed">The seed's fresh mean score per validation case.</param>
    /// <param name="contenders">Each leader's id and fresh mean score per case, in the search's order (best first).</param>
    /// <returns>Every contender's estimate, best lower bound first (search order breaks ties), and the pick, or null to keep the seed.</returns>
    public static FinalPickResult Choose(IReadOnlyDictionary<string, double> seed, IReadOnlyList<(string Id, IReadOnlyDictionary<string, double> Scores)> contenders)
    {
        var seedMean = seed.Values.DefaultIfEmpty(0).Average();
        var estimates = contenders
            .Select((c, order) => (Estimate: Estimate(c.Id, seed, c.Scores, seedMean), Order: order))
            .OrderByDescending(e => e.Estimate.LowerBound).ThenBy(e => e.Order)
            .Select(e => e.Estimate)
            .ToList();
        var pick = estimates.FirstOrDefault(e => e.Mean > seedMean + 1e-12);
        return new FinalPickResult(seedMean, estimates, pick?.Id);
    }

    private static ContenderEstimate Estimate(string id, IReadOnlyDictionary<string, double> seed, IReadOnlyDictionary<string, double> scores, double seedMean)
    {
        var differences = seed.Keys.Select(k => scores[k] - seed[k]).ToList();
        var n = differences.Count;
        var mean = n == 0 ? 0 : differences.Average();
        var variance = n < 2 ? 0 : differences.Sum(d => (d - mean) * (d - mean)) / (n - 1);
        var standardError = n == 0 ? 0 : Math.Sqrt(variance / n);
        return new ContenderEstimate(id, seedMean + mean, mean, standardError, mean - standardError);
    }
}

/// <summary>One leader on the fresh repeats.</summary>
/// <param name="Id">The candidate id.</param>
/// <param name="Mean">Its fresh validation mean.</param>
/// <param name="Difference">Its mean paired difference from the seed.</param>
/// <param name="StandardError">The standard error of that difference across cases.</param>
/// <param name="LowerBound"><paramref name="Difference"/> less one standard error: what ranks it.</param>
public sealed record ContenderEstimate(string Id, double Mean, double Difference, double StandardError, double LowerBound);

/// <summary>What the final pick found.</summary>
/// <param name="SeedMean">The seed's fresh validation mean.</param>
/// <param name="Ranked">Every contender, best lower bound first.</param>
/// <param name="PickId">The picked leader's id, or null when none beat the seed and the seed is kept.</param>
public sealed record FinalPickResult(double SeedMean, IReadOnlyList<ContenderEstimate> Ranked, string? PickId)
{
    /// <summary>True when no leader beat the seed on the fresh repeats.</summary>
    public bool KeptSeed => PickId is null;
}

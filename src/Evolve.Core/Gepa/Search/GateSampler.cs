namespace Evolve.Core.Gepa.Search;

/// <summary>Chooses the validation cases a merged child is gated on.</summary>
internal static class GateSampler
{
    /// <summary>
    /// Up to <paramref name="size"/> cases both parents have scores on, stratified so the gate tests
    /// what each parent brings: up to size/2 (rounded down) cases where A beats B, as many where B
    /// beats A, then ties; if still short (one side rarely wins), the remaining wins of either side,
    /// A and B alternately. Each group is sorted ordinally then shuffled with <paramref name="rng"/>,
    /// so the choice is deterministic for a seeded generator.
    /// </summary>
    public static IReadOnlyList<string> Sample(PoolMember a, PoolMember b, int size, Random rng)
    {
        var shared = a.ValScores.Keys.Where(b.ValScores.ContainsKey).Order(StringComparer.Ordinal).ToList();
        var aWins = Shuffled(shared.Where(c => a.ValScores[c] > b.ValScores[c] + ParetoFront.TieTolerance), rng);
        var bWins = Shuffled(shared.Where(c => b.ValScores[c] > a.ValScores[c] + ParetoFront.TieTolerance), rng);
        var ties = Shuffled(shared.Where(c => Math.Abs(a.ValScores[c] - b.ValScores[c]) <= ParetoFront.TieTolerance), rng);

        var gate = new List<string>(size);
        var quota = size / 2;
        gate.AddRange(aWins.Take(quota));
        gate.AddRange(bWins.Take(quota));
        gate.AddRange(ties.Take(size - gate.Count));

        var restA = aWins.Skip(quota).ToList();
        var restB = bWins.Skip(quota).ToList();
        for (var i = 0; gate.Count < size && (i < restA.Count || i < restB.Count); i++)
        {
            if (i < restA.Count)
            {
                gate.Add(restA[i]);
            }

            if (i < restB.Count && gate.Count < size)
            {
                gate.Add(restB[i]);
            }
        }

        return gate;
    }

    private static List<string> Shuffled(IEnumerable<string> ids, Random rng)
    {
        var array = ids.ToArray();
        rng.Shuffle(array);
        return [.. array];
    }
}

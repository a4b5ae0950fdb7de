namespace Evolve.Core.Gepa.Search;

/// <summary>
/// Set-cover pruning of the union of case fronts: a member is dominated when every front it is on
/// also holds another surviving member, so dropping it loses no case's best score.
/// </summary>
internal static class FrontPruning
{
    /// <summary>
    /// Removes dominated members one at a time until none is left. The order is fixed so the result is
    /// deterministic: fewest fronts first (the weakest coverage goes first), then the highest index
    /// (keep the older, more established member). A front's last survivor is never removed, because it
    /// is by definition not dominated.
    /// </summary>
    /// <returns>Survivor ids in pool order.</returns>
    public static IReadOnlyList<string> Survivors(IReadOnlyList<PoolMember> orderedPool, IReadOnlyList<CaseFront> fronts)
    {
        var frontsOf = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var f = 0; f < fronts.Count; f++)
        {
            foreach (var id in fronts[f].MemberIds)
            {
                if (!frontsOf.TryGetValue(id, out var list))
                {
                    frontsOf[id] = list = [];
                }

                list.Add(f);
            }
        }

        var alive = fronts.Select(f => f.MemberIds.Count).ToArray();
        var surviving = orderedPool.Where(m => frontsOf.ContainsKey(m.Id)).ToList();
        while (true)
        {
            PoolMember? victim = null;
            foreach (var member in surviving)
            {
                var onFronts = frontsOf[member.Id];
                if (onFronts.All(f => alive[f] >= 2) && (victim is null || RemoveFirst(member, victim, frontsOf)))
                {
                    victim = member;
                }
            }

            if (victim is null)
            {
                return surviving.Select(m => m.Id).ToList();
            }

            surviving.Remove(victim);
            foreach (var f in frontsOf[victim.Id])
            {
                alive[f]--;
            }
        }
    }

    private static bool RemoveFirst(PoolMember member, PoolMember current, Dictionary<string, List<int>> frontsOf)
    {
        var fewer = frontsOf[member.Id].Count.CompareTo(frontsOf[current.Id].Count);
        return fewer != 0 ? fewer < 0 : member.Index > current.Index;
    }
}

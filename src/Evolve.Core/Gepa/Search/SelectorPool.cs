namespace Evolve.Core.Gepa.Search;

/// <summary>Lookups shared by the parent selectors.</summary>
internal static class SelectorPool
{
    /// <summary>The member with the given id; a front built from another pool is a caller bug.</summary>
    public static PoolMember Find(IReadOnlyList<PoolMember> pool, string id)
    {
        foreach (var member in pool)
        {
            if (string.Equals(member.Id, id, StringComparison.Ordinal))
            {
                return member;
            }
        }

        throw new ArgumentException($"survivor {id} is not in the pool; build the front from the same pool", nameof(pool));
    }
}

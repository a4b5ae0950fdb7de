namespace Evolve.Core.Gepa.Search;

/// <summary>Ancestry over the pool's parent links.</summary>
internal sealed class Lineage
{
    private readonly Dictionary<string, PoolMember> _byId;
    private readonly Dictionary<string, HashSet<string>> _ancestors = new(StringComparer.Ordinal);

    public Lineage(IReadOnlyList<PoolMember> orderedPool)
    {
        _byId = orderedPool.ToDictionary(m => m.Id, StringComparer.Ordinal);
    }

    public PoolMember Member(string id) => _byId[id];

    public bool Contains(string id) => _byId.ContainsKey(id);

    /// <summary>
    /// Every strict ancestor of <paramref name="id"/> that is in the pool. A parent missing from the
    /// pool (pruned or never validated) ends that branch; its own parents cannot be reached.
    /// </summary>
    public IReadOnlySet<string> Ancestors(string id)
    {
        if (_ancestors.TryGetValue(id, out var known))
        {
            return known;
        }

        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(_byId[id].Parents);
        while (pending.Count > 0)
        {
            var next = pending.Pop();
            if (_byId.TryGetValue(next, out var member) && found.Add(next))
            {
                foreach (var parent in member.Parents)
                {
                    pending.Push(parent);
                }
            }
        }

        _ancestors[id] = found;
        return found;
    }

    public bool AreRelated(string a, string b) => Ancestors(a).Contains(b) || Ancestors(b).Contains(a);
}

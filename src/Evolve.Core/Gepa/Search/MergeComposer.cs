using Texts = System.Collections.Generic.IReadOnlyDictionary<string, string>;

namespace Evolve.Core.Gepa.Search;

/// <summary>Builds a merge child component by component against a common ancestor.</summary>
internal static class MergeComposer
{
    /// <summary>
    /// Whether some component changed on exactly one side relative to the ancestor; without one, a
    /// merge can only reproduce a parent.
    /// </summary>
    public static bool HasOneSidedChange(Texts a, Texts b, Texts ancestor)
        => Names(a, b, ancestor).Any(n => Changed(a, ancestor, n) != Changed(b, ancestor, n));

    /// <summary>
    /// The child: a component changed on one side only comes from that side; changed on both, from
    /// the side with the higher mean (<paramref name="aWinsBoth"/>); changed on neither, the ancestor's.
    /// A component absent from the chosen side is left out.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Compose(Texts a, Texts b, Texts ancestor, bool aWinsBoth)
    {
        var child = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in Names(a, b, ancestor))
        {
            var changedA = Changed(a, ancestor, name);
            var changedB = Changed(b, ancestor, name);
            var source = (changedA, changedB) switch
            {
                (true, false) => a,
                (false, true) => b,
                (true, true) => aWinsBoth ? a : b,
                _ => ancestor,
            };
            if (source.TryGetValue(name, out var text))
            {
                child[name] = text;
            }
        }

        return child;
    }

    public static bool SameTexts(IReadOnlyDictionary<string, string> x, Texts y)
        => x.Count == y.Count && x.All(p => y.TryGetValue(p.Key, out var t) && string.Equals(t, p.Value, StringComparison.Ordinal));

    private static bool Changed(Texts side, Texts ancestor, string name)
        => !string.Equals(side.GetValueOrDefault(name), ancestor.GetValueOrDefault(name), StringComparison.Ordinal);

    private static IEnumerable<string> Names(Texts a, Texts b, Texts ancestor)
        => a.Keys.Concat(b.Keys).Concat(ancestor.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
}

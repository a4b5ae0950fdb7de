namespace Evolve.Core.Suites;

/// <summary>The <c>--split</c> names: one per <see cref="Split"/>, and <c>all</c> (null) for every case.</summary>
public static class SplitNames
{
    /// <summary>Every choice under the name users type, in the order the help lists them.</summary>
    public static IReadOnlyList<(string Name, Split? Value)> Named { get; } =
        [("all", null), ("train", Split.Train), ("val", Split.Val), ("holdout", Split.Holdout)];

    /// <summary>The name of a split filter: <c>all</c> for null.</summary>
    public static string Name(Split? split) => split?.ToString().ToLowerInvariant() ?? "all";
}

namespace Evolve.Core.Gepa.Search;

/// <summary>The <c>--selection</c> names and the selector each one makes.</summary>
public static class ParentSelectors
{
    /// <summary>Every strategy under the name users type, in the order the help lists them.</summary>
    public static IReadOnlyList<(string Name, ParentSelection Value)> Named { get; } =
    [
        ("pareto", ParentSelection.Pareto), ("best", ParentSelection.Best), ("epsilon", ParentSelection.Epsilon), ("topk", ParentSelection.TopK),
    ];

    /// <summary>The name users type for <paramref name="selection"/> (stored in run.db, so a resume compares names).</summary>
    public static string Name(ParentSelection selection) => Named.First(n => n.Value == selection).Name;

    /// <summary>A new selector for <paramref name="selection"/> (epsilon 0.1, k 5).</summary>
    public static IParentSelector Create(ParentSelection selection) => selection switch
    {
        ParentSelection.Pareto => new ParetoSelector(),
        ParentSelection.Best => new BestSelector(),
        ParentSelection.Epsilon => new EpsilonGreedySelector(),
        ParentSelection.TopK => new TopKParetoSelector(),
        _ => throw new ArgumentOutOfRangeException(nameof(selection), selection, null),
    };
}

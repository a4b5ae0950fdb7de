using Evolve.Kernel;

namespace Evolve.Core.Gepa.Search;

/// <summary>Creates a parent selector from its <c>--selection</c> name.</summary>
public static class ParentSelectors
{
    /// <summary>The accepted names, in the order the help lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["pareto", "best", "epsilon", "topk"];

    /// <summary>
    /// <c>pareto</c> (<see cref="ParetoSelector"/>, the default), <c>best</c>, <c>epsilon</c>
    /// (epsilon 0.1) or <c>topk</c> (k 5); names are case-insensitive.
    /// </summary>
    /// <exception cref="InputException">The name is none of these; the error's field is <c>--selection</c>.</exception>
    public static IParentSelector Create(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToLowerInvariant() switch
        {
            "pareto" => new ParetoSelector(),
            "best" => new BestSelector(),
            "epsilon" => new EpsilonGreedySelector(),
            "topk" => new TopKParetoSelector(),
            _ => throw new InputException("--selection", null, "--selection", $"must be pareto, best, epsilon or topk, not '{name}'"),
        };
    }
}

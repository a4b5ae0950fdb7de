namespace Evolve.Core.Gepa.Search;

/// <summary>
/// Round-robin choice of the component to mutate. Each candidate carries a pointer that only grows;
/// the component is the pointer modulo the number of components, and the child carries the pointer
/// plus one. Keeping the pointer unbounded (rather than modulo) is what makes "furthest" well defined
/// when a merge child inherits from two parents.
/// </summary>
public static class ComponentCycle
{
    /// <summary>The component a candidate with <paramref name="pointer"/> mutates next, and its child's pointer.</summary>
    /// <param name="components">The agent's component names in their fixed order; at least one.</param>
    /// <param name="pointer">The parent's pointer, 0 for a seed.</param>
    public static ComponentChoice Next(IReadOnlyList<string> components, int pointer)
    {
        ArgumentNullException.ThrowIfNull(components);
        ArgumentOutOfRangeException.ThrowIfZero(components.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(pointer);
        return new ComponentChoice(components[pointer % components.Count], pointer + 1);
    }

    /// <summary>The pointer a child of several parents (a merge) carries: the furthest of theirs.</summary>
    public static int Inherit(IEnumerable<int> parentPointers)
    {
        ArgumentNullException.ThrowIfNull(parentPointers);
        var furthest = -1;
        foreach (var pointer in parentPointers)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(pointer, nameof(parentPointers));
            furthest = Math.Max(furthest, pointer);
        }

        return furthest < 0 ? throw new ArgumentException("at least one parent pointer is needed", nameof(parentPointers)) : furthest;
    }
}

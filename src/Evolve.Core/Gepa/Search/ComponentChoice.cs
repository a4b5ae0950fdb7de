namespace Evolve.Core.Gepa.Search;

/// <summary>What <see cref="ComponentCycle.Next"/> decided.</summary>
/// <param name="Component">The component to mutate.</param>
/// <param name="ChildPointer">The round-robin pointer the child carries.</param>
public sealed record ComponentChoice(string Component, int ChildPointer);

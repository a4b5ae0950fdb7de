namespace Evolve.Kernel.Prompts;

/// <summary>The declared type of a heuristics knob.</summary>
public enum HeuristicType
{
    /// <summary>A real number within [min, max].</summary>
    Float,

    /// <summary>An integer within [min, max].</summary>
    Int,

    /// <summary>true or false.</summary>
    Bool,

    /// <summary>One of a declared list of strings.</summary>
    Enum,
}

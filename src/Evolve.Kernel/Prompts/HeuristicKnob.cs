using System.Globalization;

namespace Evolve.Kernel.Prompts;

/// <summary>
/// One knob of <c>heuristics.yaml</c>: a typed value with its declared range, which the optimizer
/// may mutate only within that range.
/// </summary>
/// <param name="Name">Knob name (for example <c>temperature</c>).</param>
/// <param name="Type">Declared type.</param>
/// <param name="Value">Current value: double, long, bool or string by type.</param>
/// <param name="Min">Lower bound for numbers.</param>
/// <param name="Max">Upper bound for numbers.</param>
/// <param name="Values">Allowed values for enums.</param>
/// <param name="Description">What the knob does, shown to a reflection model.</param>
public sealed record HeuristicKnob(
    string Name,
    HeuristicType Type,
    object Value,
    double? Min,
    double? Max,
    IReadOnlyList<string> Values,
    string? Description)
{
    /// <summary>The value as written in YAML.</summary>
    public string ValueText => Value switch
    {
        bool b => b ? "true" : "false",
        double d => d.ToString("0.###", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Value.ToString() ?? "",
    };
}

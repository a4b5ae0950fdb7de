namespace Evolve.Kernel.Providers;

/// <summary>
/// Keys of <see cref="Microsoft.Extensions.AI.ChatOptions.AdditionalProperties"/> that Evolve uses
/// internally. Everything starting with <see cref="Prefix"/> is removed by every real provider
/// pipeline before a request leaves the process; only the simulator reads them.
/// </summary>
public static class ModelRequestKeys
{
    /// <summary>Prefix shared by all internal keys.</summary>
    public const string Prefix = "evolve.";

    /// <summary>A <see cref="Sim.SimOracle"/>: the case's reference answer and cues, for the simulator only.</summary>
    public const string Oracle = "evolve.oracle";

    /// <summary>The repeat index (int) of a rollout; part of the response-cache key so repeats are independent samples.</summary>
    public const string Repeat = "evolve.repeat";

    /// <summary>The candidate's heuristics as a read-only dictionary of knob name to value, for the simulator's bonuses.</summary>
    public const string Heuristics = "evolve.heuristics";
}

namespace Evolve.Kernel.Providers.Sim;

/// <summary>
/// Which version of the simulator's dynamics answers (<c>sim?profile=v1</c> or <c>v2</c>). A new
/// profile changes scores, so the old one stays selectable: figures measured with it stay reproducible.
/// </summary>
public enum SimProfile
{
    /// <summary>The first simulator: cue coverage, heuristic bonuses and a capped length penalty. A good prompt can reach a perfect score.</summary>
    V1,

    /// <summary>
    /// The default: v1's odds plus an irreducible per-case error, conflicting instructions, a length cost
    /// that grows with every token past the budget, and case-specific cues that do not carry to other cases.
    /// </summary>
    V2,
}

/// <summary>Names and parses <see cref="SimProfile"/> values as they are written in a model URI.</summary>
public static class SimProfiles
{
    /// <summary>The profile of a plain <c>sim</c>.</summary>
    public const SimProfile Default = SimProfile.V2;

    /// <summary>The accepted spellings, in the order errors list them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["v1", "v2"];

    /// <summary>The URI spelling of <paramref name="profile"/>: <c>v1</c> or <c>v2</c>.</summary>
    public static string Name(SimProfile profile) => profile == SimProfile.V1 ? "v1" : "v2";

    /// <summary>Parses <c>v1</c> or <c>v2</c> (any case); false for anything else.</summary>
    public static bool TryParse(string text, out SimProfile profile)
    {
        profile = Default;
        var index = Names.ToList().FindIndex(n => n.Equals(text, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            return false;
        }

        profile = (SimProfile)index;
        return true;
    }
}

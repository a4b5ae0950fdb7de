namespace Evolve.Kernel.Providers.Sim;

/// <summary>
/// What the simulator needs from a system prompt, derived once per distinct prompt text: the
/// same prompt is sent for thousands of cases, so normalizing and hashing it per call would
/// dominate the simulator's cost.
/// </summary>
/// <param name="Normalized">The text as <see cref="CueMatcher"/> normalizes it.</param>
/// <param name="Hash">The stable hash of the text, part of every draw.</param>
/// <param name="Tokens">Estimated tokens, for the length penalty.</param>
/// <param name="Conflicts">Pairs of contradicting instructions it holds (<see cref="SimConflicts"/>); only profile v2 reads them.</param>
internal sealed record SimPrompt(string Normalized, ulong Hash, int Tokens, int Conflicts)
{
    public static readonly SimPrompt Empty = new(string.Empty, 0UL, 0, 0);

    public static SimPrompt Create(string text)
    {
        if (text.Length == 0)
        {
            return Empty;
        }

        var normalized = CueMatcher.Normalize(text);
        return new SimPrompt(normalized, StableHash.Of(text), TokenEstimator.Estimate(text), SimConflicts.Count(normalized));
    }
}

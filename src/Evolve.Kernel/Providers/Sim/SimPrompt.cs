namespace Evolve.Kernel.Providers.Sim;

/// <summary>
/// What the simulator needs from a system prompt, derived once per distinct prompt text: the
/// same prompt is sent for thousands of cases, so normalizing and hashing it per call would
/// dominate the simulator's cost.
/// </summary>
internal sealed record SimPrompt(string Normalized, ulong Hash, int Tokens)
{
    public static readonly SimPrompt Empty = new(string.Empty, 0UL, 0);

    public static SimPrompt Create(string text) =>
        text.Length == 0 ? Empty : new SimPrompt(CueMatcher.Normalize(text), StableHash.Of(text), TokenEstimator.Estimate(text));
}

namespace Evolve.Kernel.Providers.Sim;

/// <summary>The simulator's parameters, from <c>sim?seed=..&amp;latency=..&amp;jitter=..&amp;competence=..&amp;profile=..</c>.</summary>
/// <param name="Seed">Part of every draw; different seeds give different (equally valid) runs.</param>
/// <param name="Latency">Simulated time per call, waited on the injected <see cref="TimeProvider"/>.</param>
/// <param name="Jitter">Maximum deviation around <paramref name="Latency"/>, drawn per request.</param>
/// <param name="Competence">Fixed probability of a right answer, or null for the prompt-driven odds.</param>
/// <param name="Profile">Which version of the dynamics answers.</param>
internal sealed record SimSettings(int Seed, TimeSpan Latency, TimeSpan Jitter, double? Competence, SimProfile Profile = SimProfiles.Default)
{
    public static SimSettings From(ModelUri uri) => new(uri.Seed, uri.Latency, uri.Jitter, uri.Competence, uri.Profile);
}

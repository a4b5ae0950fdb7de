namespace Evolve.Kernel.Providers.Sim;

/// <summary>
/// One simulated task answer: the reply text, whether it is the oracle's answer, the odds it was
/// drawn with, and the digest of the draw (seed, repeat, candidate, case) that later seeded choices derive from.
/// </summary>
internal readonly record struct SimAnswer(string Text, bool Correct, double Probability, ulong Digest);

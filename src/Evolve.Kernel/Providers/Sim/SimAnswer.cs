namespace Evolve.Kernel.Providers.Sim;

/// <summary>
/// One simulated task answer: the reply text, whether it is the oracle's answer, the odds it was
/// drawn with, the digest of the draw (seed, repeat, candidate, case) that later seeded choices derive
/// from, and whether the case is one profile v2 always fails (<see cref="SimIrreducible"/>), which no repair fixes.
/// </summary>
internal readonly record struct SimAnswer(string Text, bool Correct, double Probability, ulong Digest, bool Irreducible = false);

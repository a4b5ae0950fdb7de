namespace Evolve.Kernel.Providers.Sim;

/// <summary>One simulated task answer: the reply text, whether it is the oracle's answer, and the odds it was drawn with.</summary>
internal readonly record struct SimAnswer(string Text, bool Correct, double Probability);

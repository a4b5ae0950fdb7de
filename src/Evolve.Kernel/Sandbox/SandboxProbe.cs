namespace Evolve.Kernel.Sandbox;

/// <summary>Whether one sandbox level works on this machine, found by running a trivial command under it.</summary>
/// <param name="Level">The level probed.</param>
/// <param name="Available">True when the trivial command ran and printed what it should.</param>
/// <param name="Reason">Why it is not available (the tool's own error where there is one); null when available.</param>
public sealed record SandboxProbe(SandboxLevel Level, bool Available, string? Reason);

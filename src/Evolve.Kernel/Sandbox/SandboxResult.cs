namespace Evolve.Kernel.Sandbox;

/// <summary>The result of one sandboxed run. Never thrown: a failure is an outcome with an explanation.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="ExitCode">Exit code when it exited, else -1.</param>
/// <param name="Stdout">Standard output, cut at the output limit.</param>
/// <param name="Stderr">Standard error, cut at the output limit.</param>
/// <param name="OutputTruncated">True when output was cut.</param>
/// <param name="Elapsed">Wall time from start to exit or kill.</param>
/// <param name="Level">The level it actually ran under.</param>
/// <param name="Explanation">A sentence for a human or a reflection model when the outcome is not a clean exit.</param>
public sealed record SandboxResult(
    SandboxOutcome Outcome,
    int ExitCode,
    string Stdout,
    string Stderr,
    bool OutputTruncated,
    TimeSpan Elapsed,
    SandboxLevel Level,
    string? Explanation = null)
{
    /// <summary>True when the process exited with code 0.</summary>
    public bool Succeeded => Outcome == SandboxOutcome.Exited && ExitCode == 0;
}

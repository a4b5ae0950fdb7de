namespace Evolve.Kernel.Sandbox;

/// <summary>What happened to one wrapped child, before it is classified into a <see cref="SandboxResult"/>.</summary>
/// <param name="ExitCode">Exit code; 128 + signal number when killed by a signal; -1 when not started.</param>
/// <param name="TimedOut">True when the wall-time limit killed it.</param>
/// <param name="Stdout">Kept standard output.</param>
/// <param name="Stderr">Kept standard error.</param>
/// <param name="Truncated">True when either stream was cut.</param>
/// <param name="Elapsed">Wall time from start to exit or kill.</param>
/// <param name="StartError">Why the wrapper could not be started, when it could not.</param>
internal sealed record ChildExit(
    int ExitCode,
    bool TimedOut,
    string Stdout,
    string Stderr,
    bool Truncated,
    TimeSpan Elapsed,
    string? StartError = null);

namespace Evolve.Kernel.Sandbox;

/// <summary>How a sandboxed run ended.</summary>
public enum SandboxOutcome
{
    /// <summary>The process exited by itself (any exit code).</summary>
    Exited,

    /// <summary>Killed at the wall-time limit.</summary>
    TimedOut,

    /// <summary>Ran out of memory (killed or MemoryError).</summary>
    OutOfMemory,

    /// <summary>Hit the process-count limit.</summary>
    TooManyProcesses,

    /// <summary>Killed by a signal for another reason.</summary>
    Killed,

    /// <summary>Could not be started (missing interpreter, sandbox tool failure).</summary>
    StartFailed,
}

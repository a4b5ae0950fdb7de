namespace Evolve.Kernel.Sandbox;

/// <summary>Resource limits every sandbox level enforces.</summary>
public sealed record SandboxLimits
{
    /// <summary>Wall-clock limit; the whole process group is killed when it passes. Default 10 s.</summary>
    public TimeSpan WallTime { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// CPU-time limit (RLIMIT_CPU). Unlike wall time it does not stretch when the machine is busy,
    /// so an endless loop is stopped after the same work whatever the load, and a correct solution
    /// on a loaded machine is not. Default 2 s.
    /// </summary>
    public TimeSpan CpuTime { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Address-space limit in bytes. Default 512 MiB.</summary>
    public long MemoryBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>Bytes kept of stdout and of stderr each; the rest is dropped and the result marked truncated. Default 64 KiB.</summary>
    public int MaxOutputBytes { get; init; } = 64 * 1024;

    /// <summary>Maximum number of processes (threads count) the code may have at once. Default 32.</summary>
    public int MaxProcesses { get; init; } = 32;

    /// <summary>The defaults.</summary>
    public static SandboxLimits Default { get; } = new();
}

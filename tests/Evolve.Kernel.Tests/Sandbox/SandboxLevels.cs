using Evolve.Kernel.Sandbox;

namespace Evolve.Kernel.Tests.Sandbox;

/// <summary>Theory data: the levels the factory's probe found working on this machine.</summary>
public static class SandboxLevels
{
    /// <summary>Every working level.</summary>
    public static TheoryData<SandboxLevel> Available => [.. SandboxFactory.Shared.AvailableLevels()];

    /// <summary>Working levels that claim network and filesystem isolation.</summary>
    public static TheoryData<SandboxLevel> Isolating =>
        [.. SandboxFactory.Shared.AvailableLevels().Where(l => l != SandboxLevel.Process)];

    /// <summary>Limits short enough to keep the suite fast.</summary>
    public static SandboxLimits Short { get; } = new()
    {
        WallTime = TimeSpan.FromSeconds(2),
        MemoryBytes = 256L * 1024 * 1024,
        MaxProcesses = 16,
        MaxOutputBytes = 4096,
    };

    public static ISandbox Create(SandboxLevel level) => SandboxFactory.Shared.Create(level);

    public static SandboxRequest Python(string code, SandboxLimits? limits = null) =>
        new(["python3", "main.py"], new Dictionary<string, string> { ["main.py"] = code }, Limits: limits ?? Short);
}

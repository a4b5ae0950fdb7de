using Evolve.Kernel.Sandbox;

namespace Evolve.Kernel.Tests.Sandbox;

/// <summary>
/// Theory data: one row per sandbox level, whether or not it works here. A level the factory's
/// probe found unusable is a skipped row carrying the probe's reason, so a machine without
/// bubblewrap reports those tests as skipped instead of running fewer tests.
/// </summary>
public static class SandboxLevels
{
    /// <summary>Every level; rows of levels that do not work here are skipped.</summary>
    public static IEnumerable<TheoryDataRow<SandboxLevel>> Available => Rows(_ => true);

    /// <summary>Levels that claim network and filesystem isolation; rows of levels that do not work here are skipped.</summary>
    public static IEnumerable<TheoryDataRow<SandboxLevel>> Isolating => Rows(l => l != SandboxLevel.Process);

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

    private static IReadOnlyList<SandboxProbe> Probes() => SandboxFactory.Shared.ProbeAsync().GetAwaiter().GetResult();

    private static IEnumerable<TheoryDataRow<SandboxLevel>> Rows(Func<SandboxLevel, bool> wanted) =>
        Probes().Where(p => wanted(p.Level)).Select(p => new TheoryDataRow<SandboxLevel>(p.Level) { Skip = p.Available ? null : SkipReason(p) });

    private static string SkipReason(SandboxProbe probe) =>
        $"sandbox level {SandboxLevelNames.Name(probe.Level)} does not work here: {probe.Reason}";
}

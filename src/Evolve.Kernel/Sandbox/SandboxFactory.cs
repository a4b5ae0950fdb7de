namespace Evolve.Kernel.Sandbox;

/// <summary>
/// Creates sandboxes by name. <c>auto</c> picks the strongest level that actually works here,
/// found by running a trivial command once under each level (cached for the factory's lifetime);
/// asking for a level that does not work is an <see cref="InputException"/> saying why.
/// The returned sandbox's <see cref="ISandbox.Level"/> says which level was chosen.
/// </summary>
public sealed class SandboxFactory
{
    private static readonly SandboxLimits ProbeLimits = SandboxLimits.Default with { WallTime = TimeSpan.FromSeconds(15) };

    private readonly SandboxExecutor _executor;
    private readonly Lazy<Task<IReadOnlyList<SandboxProbe>>> _probes;

    /// <summary>Creates a factory; <paramref name="timeProvider"/> defaults to the system clock.</summary>
    public SandboxFactory(TimeProvider? timeProvider = null)
        : this(timeProvider, null)
    {
    }

    /// <summary>Creates a factory whose probe is replaced (for tests of the selection logic).</summary>
    internal SandboxFactory(TimeProvider? timeProvider, Func<SandboxLevel, Task<SandboxProbe>>? probe)
    {
        _executor = SandboxExecutor.Create(timeProvider);
        _probes = new(() => ProbeAllAsync(probe ?? ProbeAsync));
    }

    /// <summary>A process-wide factory, so the probe runs once per process.</summary>
    public static SandboxFactory Shared { get; } = new();

    /// <summary>Each level's probe result, strongest first. Probes run once and are cached.</summary>
    public Task<IReadOnlyList<SandboxProbe>> ProbeAsync() => _probes.Value;

    /// <summary>The levels that work here, strongest first (blocks on the first probe).</summary>
    public IReadOnlyList<SandboxLevel> AvailableLevels() =>
        [.. ProbeAsync().GetAwaiter().GetResult().Where(p => p.Available).Select(p => p.Level)];

    /// <summary>
    /// The sandbox at <paramref name="wanted"/>, or the strongest that works here when null
    /// (<c>--sandbox auto</c>). Throws <see cref="InputException"/> naming <paramref name="source"/>
    /// when the level is not available.
    /// </summary>
    public async Task<ISandbox> CreateAsync(SandboxLevel? wanted, string source = "--sandbox")
    {
        var probes = await ProbeAsync();
        if (wanted is null)
        {
            var best = probes.FirstOrDefault(p => p.Available)
                ?? throw new InputException(source, null, null, $"no sandbox level works on this machine: {string.Join("; ", probes.Select(Describe))}");
            return Create(best.Level);
        }

        var probe = probes.Single(p => p.Level == wanted);
        return probe.Available
            ? Create(probe.Level)
            : throw new InputException(source, null, null, $"sandbox level '{SandboxLevelNames.Name(probe.Level)}' is not available here: {probe.Reason}");
    }

    /// <summary>The sandbox for a level, without checking that it works.</summary>
    public ISandbox Create(SandboxLevel level) => level switch
    {
        SandboxLevel.Bwrap => new BwrapSandbox(_executor),
        SandboxLevel.Namespaces => new NamespacesSandbox(_executor),
        SandboxLevel.Process => new ProcessSandbox(_executor),
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    private static async Task<IReadOnlyList<SandboxProbe>> ProbeAllAsync(Func<SandboxLevel, Task<SandboxProbe>> probe)
    {
        SandboxLevel[] levels = [SandboxLevel.Bwrap, SandboxLevel.Namespaces, SandboxLevel.Process];
        return await Task.WhenAll(levels.Select(probe));
    }

    private async Task<SandboxProbe> ProbeAsync(SandboxLevel level)
    {
        var tool = level switch { SandboxLevel.Bwrap => "bwrap", SandboxLevel.Namespaces => "unshare", _ => "prlimit" };
        if (!OnPath(tool))
        {
            var package = level == SandboxLevel.Bwrap ? "bubblewrap" : "util-linux";
            return new SandboxProbe(level, false, $"{tool} is not installed (Debian/Ubuntu: apt-get install -y {package})");
        }

        var result = await Create(level).RunAsync(new SandboxRequest(["/bin/sh", "-c", "echo ok"], Limits: ProbeLimits));
        if (result.Succeeded && result.Stdout.Trim() == "ok")
        {
            return new SandboxProbe(level, true, null);
        }

        var detail = result.Explanation ?? result.Stderr.Trim().Split('\n')[0];
        return new SandboxProbe(level, false, $"{tool} failed here ({result.Outcome}, exit {result.ExitCode}): {detail}");
    }

    private static string Describe(SandboxProbe probe) => $"{SandboxLevelNames.Name(probe.Level)}: {probe.Reason}";

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .Any(dir => File.Exists(Path.Combine(dir, tool)));
}

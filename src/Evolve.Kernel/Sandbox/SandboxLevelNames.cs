namespace Evolve.Kernel.Sandbox;

/// <summary>The names users type for sandbox levels (<c>--sandbox auto|bwrap|namespaces|process</c>).</summary>
public static class SandboxLevelNames
{
    /// <summary>Picks the strongest available level.</summary>
    public const string Auto = "auto";

    /// <summary>Every accepted name, strongest first after <c>auto</c>.</summary>
    public static IReadOnlyList<string> All { get; } = [Auto, "bwrap", "namespaces", "process"];

    /// <summary>Every choice with its level, as <see cref="All"/> orders them; <c>auto</c> is null.</summary>
    public static IReadOnlyList<(string Name, SandboxLevel? Value)> Named { get; } =
        [(Auto, null), ("bwrap", SandboxLevel.Bwrap), ("namespaces", SandboxLevel.Namespaces), ("process", SandboxLevel.Process)];

    /// <summary>The name of a choice: <c>auto</c> for null.</summary>
    public static string Name(SandboxLevel? level) => level is { } known ? Name(known) : Auto;

    /// <summary>The user-facing name of a level.</summary>
    public static string Name(SandboxLevel level) => level switch
    {
        SandboxLevel.Bwrap => "bwrap",
        SandboxLevel.Namespaces => "namespaces",
        SandboxLevel.Process => "process",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary>The level for a name, or null for <c>auto</c>; an unknown name is an <see cref="InputException"/> naming <paramref name="source"/>.</summary>
    public static SandboxLevel? Parse(string name, string source = "--sandbox") => name.Trim().ToLowerInvariant() switch
    {
        Auto => null,
        "bwrap" => SandboxLevel.Bwrap,
        "namespaces" => SandboxLevel.Namespaces,
        "process" => SandboxLevel.Process,
        _ => throw new InputException(source, null, null, $"unknown sandbox level '{name}': use one of {string.Join(", ", All)}"),
    };
}

namespace Evolve.Kernel.Sandbox;

/// <summary>The names users type for sandbox levels (<c>--sandbox auto|bwrap|namespaces|process</c>).</summary>
public static class SandboxLevelNames
{
    /// <summary>Picks the strongest available level.</summary>
    public const string Auto = "auto";

    /// <summary>Every choice with its level, strongest first after <c>auto</c> (null).</summary>
    public static IReadOnlyList<(string Name, SandboxLevel? Value)> Named { get; } =
        [(Auto, null), ("bwrap", SandboxLevel.Bwrap), ("namespaces", SandboxLevel.Namespaces), ("process", SandboxLevel.Process)];

    /// <summary>The name of a choice: <c>auto</c> for null.</summary>
    public static string Name(SandboxLevel? level) => Named.First(n => n.Value == level).Name;

    /// <summary>The level for a name, or null for <c>auto</c>; an unknown name is an <see cref="InputException"/> naming <paramref name="source"/>.</summary>
    public static SandboxLevel? Parse(string name, string source = "--sandbox")
    {
        ArgumentNullException.ThrowIfNull(name);
        var match = Named.FirstOrDefault(n => string.Equals(n.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
        return match.Name is not null
            ? match.Value
            : throw new InputException(source, null, null, $"unknown sandbox level '{name}': use one of {string.Join(", ", Named.Select(n => n.Name))}");
    }
}

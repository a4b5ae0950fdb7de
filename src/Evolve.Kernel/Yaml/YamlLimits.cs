namespace Evolve.Kernel.Yaml;

/// <summary>
/// How much a YAML file may make the reader do. Every file Evolve reads is small and hand-written,
/// so the defaults sit far above real files and far below what an alias bomb or a thousand-deep
/// nesting needs to exhaust memory or the stack.
/// </summary>
public sealed record YamlLimits
{
    /// <summary>The defaults: 16 Mi characters, 2,000,000 nodes after alias expansion, 10,000 aliases, depth 64.</summary>
    public static YamlLimits Default { get; } = new();

    /// <summary>Largest document in characters; default 16 Mi.</summary>
    public int MaxChars { get; init; } = 16 * 1024 * 1024;

    /// <summary>Most nodes the document holds once every alias is expanded; default 2,000,000.</summary>
    public long MaxNodes { get; init; } = 2_000_000;

    /// <summary>Most aliases (<c>*name</c>) in one document; default 10,000.</summary>
    public int MaxAliases { get; init; } = 10_000;

    /// <summary>Deepest nesting of maps and lists, aliases expanded; default 64.</summary>
    public int MaxDepth { get; init; } = 64;
}

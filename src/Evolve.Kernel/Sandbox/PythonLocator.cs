namespace Evolve.Kernel.Sandbox;

/// <summary>
/// Finds the Python 3 interpreter sandboxed code runs with. Debian's <c>/usr/bin/python3</c> is
/// preferred because it lives under <c>/usr</c>, which every level can see; another interpreter
/// on PATH is used otherwise and its prefix is bound into the bubblewrap sandbox.
/// </summary>
internal static class PythonLocator
{
    /// <summary>The message shown when no interpreter exists.</summary>
    public const string InstallHint =
        "python3 was not found: install it (Debian/Ubuntu: `apt-get install -y python3`; for the strongest sandbox also `bubblewrap`)";

    private static readonly Lazy<string?> Found = new(() => Find(Environment.GetEnvironmentVariable("PATH")));

    // Resolving the interpreter's links reads the file system; every bubblewrap run asks, the answer never changes.
    private static readonly Lazy<string?> Prefix = new(FindExtraPrefix);

    /// <summary>The interpreter's path, or null when there is none.</summary>
    public static string? Executable => Found.Value;

    /// <summary>
    /// The directory holding the interpreter's installation (its prefix), which must be visible
    /// inside bubblewrap; null when it is under <c>/usr</c> anyway.
    /// </summary>
    public static string? ExtraPrefix => Prefix.Value;

    /// <summary>The PATH sandboxed code sees: the interpreter's directory first, then the system's.</summary>
    public static string SandboxPath()
    {
        var dirs = new List<string>();
        if (Executable is not null)
        {
            dirs.Add(Path.GetDirectoryName(Executable)!);
        }

        dirs.AddRange(["/usr/local/bin", "/usr/bin", "/bin"]);
        return string.Join(':', dirs.Distinct(StringComparer.Ordinal));
    }

    internal static string? Find(string? pathVariable, string preferred = "/usr/bin/python3")
    {
        if (File.Exists(preferred))
        {
            return preferred;
        }

        foreach (var dir in (pathVariable ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "python3");
            // pyenv-style shims are shell scripts that need the user's environment; skip them.
            if (File.Exists(candidate) && !dir.Contains("shims", StringComparison.Ordinal))
            {
                return Path.GetFullPath(ResolveLinks(candidate));
            }
        }

        return null;
    }

    private static string? FindExtraPrefix()
    {
        var resolved = Executable is null ? null : Path.GetFullPath(ResolveLinks(Executable));
        var prefix = resolved is null ? null : Path.GetDirectoryName(Path.GetDirectoryName(resolved));
        return prefix is null || prefix == "/usr" || prefix.StartsWith("/usr/", StringComparison.Ordinal) ? null : prefix;
    }

    private static string ResolveLinks(string path) =>
        new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
}

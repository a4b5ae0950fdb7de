namespace Evolve.Kernel;

/// <summary>
/// Where a relative path a user wrote really leads: inside its folder, or a reason it does not.
/// Symbolic links are followed to their final target, so a link inside the folder that points
/// out of it is caught, and one that points elsewhere inside it is fine.
/// </summary>
public static class ContainedPath
{
    private const int MaxLinks = 40;

    /// <summary>
    /// The full path of <paramref name="relative"/> under <paramref name="root"/>, or null with
    /// <paramref name="problem"/> saying, for <paramref name="what"/> (such as "the agent folder"), why it is not inside.
    /// </summary>
    public static string? Resolve(string root, string relative, string what, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(relative);
        problem = null;
        var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var full = Path.GetFullPath(Path.Combine(fullRoot, relative));
        if (Path.IsPathRooted(relative) || !IsUnder(full, fullRoot))
        {
            problem = $"'{relative}' resolves outside {what} {root}";
            return null;
        }

        var real = RealPath(full);
        if (real is null || !IsUnder(real, RealPath(fullRoot) ?? fullRoot))
        {
            problem = real is null
                ? $"'{relative}' is a link that cannot be followed (a loop?)"
                : $"'{relative}' is a link to {real}, outside {what}";
            return null;
        }

        return full;
    }

    /// <summary>Like <see cref="Resolve"/>, but throws an <see cref="InputException"/> naming <paramref name="file"/> and <paramref name="field"/>.</summary>
    public static string Require(string root, string relative, string what, string file, string field) =>
        Resolve(root, relative, what, out var problem) ?? throw new InputException(file, null, field, problem!);

    private static bool IsUnder(string path, string root) =>
        path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The path with every link along it replaced by its final target; null for a loop.</summary>
    private static string? RealPath(string full)
    {
        var current = Path.GetPathRoot(full)!;
        var links = 0;
        var rest = new Queue<string>(full[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries));
        while (rest.TryDequeue(out var part))
        {
            var next = Path.Combine(current, part);
            var info = new FileInfo(next);
            if (info.LinkTarget is { } target)
            {
                if (++links > MaxLinks)
                {
                    return null;
                }

                // Re-walk the target, which may itself pass through links, then the rest of the path.
                var resolved = Path.GetFullPath(Path.Combine(current, target));
                var root = Path.GetPathRoot(resolved)!;
                var remaining = resolved[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Concat(rest).ToList();
                rest = new Queue<string>(remaining);
                current = root;
                continue;
            }

            current = next;
        }

        return current;
    }
}

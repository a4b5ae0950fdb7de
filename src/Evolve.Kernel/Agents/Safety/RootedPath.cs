namespace Evolve.Kernel.Agents.Safety;

/// <summary>
/// Resolves a path the way the file system will (.. folded, every existing symlink followed,
/// dangling ones too) and checks that the result stays under a root.
/// </summary>
internal static class RootedPath
{
    // The kernel's own limit on symlink hops (Linux ELOOP is 40).
    private const int MaxLinks = 40;

    /// <summary>The resolved path, or null with the reason it is refused.</summary>
    public static (string? Path, string? Refusal) Resolve(string root, string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return (null, "the path is empty");
        }

        if (path.Contains('\0', StringComparison.Ordinal))
        {
            return (null, "the path contains a NUL character");
        }

        var rootFull = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var links = 0;
        var rootReal = RealPath(rootFull, ref links) ?? rootFull;
        var lexical = Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(rootFull, path));
        if (!IsUnder(lexical, rootFull) && !IsUnder(lexical, rootReal))
        {
            return (null, $"\"{path}\" resolves to {lexical}, outside the root {rootFull}");
        }

        links = 0;
        var real = RealPath(lexical, ref links);
        if (real is null)
        {
            return (null, $"\"{path}\" goes through more than {MaxLinks} symlinks");
        }

        return IsUnder(real, rootReal)
            ? (real, null)
            : (null, $"\"{path}\" follows a symlink to {real}, outside the root {rootReal}");
    }

    private static bool IsUnder(string path, string root) =>
        path == root || path.StartsWith(root.EndsWith('/') ? root : root + "/", StringComparison.Ordinal);

    /// <summary>Follows every symlink component by component; null when there are too many.</summary>
    private static string? RealPath(string fullPath, ref int links)
    {
        var root = Path.GetPathRoot(fullPath)!;
        var current = root;
        var parts = fullPath[root.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var part in parts)
        {
            var next = Path.Combine(current, part);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            // A relative link is relative to the folder holding it; the target may hold links too.
            var resolved = RealPath(Path.GetFullPath(Path.IsPathRooted(target) ? target : Path.Combine(current, target)), ref links);
            if (resolved is null)
            {
                return null;
            }

            current = resolved;
        }

        return current;
    }
}

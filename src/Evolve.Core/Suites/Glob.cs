using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;

namespace Evolve.Core.Suites;

/// <summary>File globs relative to a folder (<c>*</c> within a path segment, <c>**</c> across segments), matched by Microsoft.Extensions.FileSystemGlobbing.</summary>
internal static class Glob
{
    // FileSystemGlobbing has no '?' wildcard, so only '*' makes an entry a pattern.
    public static bool IsPattern(string entry) => entry.Contains('*', StringComparison.Ordinal);

    /// <summary>The files under <paramref name="root"/> matching <paramref name="pattern"/>, as '/'-separated relative paths in ordinal order.</summary>
    public static IReadOnlyList<string> Match(string root, string pattern)
    {
        var normalized = pattern.Replace('\\', '/');
        while (normalized.StartsWith("./", StringComparison.Ordinal))
        {
            normalized = normalized[2..];
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(normalized);
        return matcher.Execute(new DirectoryInfoWrapper(new DirectoryInfo(root))).Files
            .Select(f => f.Path.Replace('\\', '/'))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}

using System.Text;
using System.Text.RegularExpressions;

namespace Evolve.Core.Suites;

/// <summary>File globs relative to a folder: <c>*</c> and <c>?</c> within a path segment, <c>**</c> across segments.</summary>
internal static class Glob
{
    public static bool IsPattern(string entry) => entry.IndexOfAny(['*', '?', '[']) >= 0;

    /// <summary>The files under <paramref name="root"/> matching <paramref name="pattern"/>, as '/'-separated relative paths in ordinal order.</summary>
    public static IReadOnlyList<string> Match(string root, string pattern)
    {
        var regex = ToRegex(pattern.Replace('\\', '/').TrimStart('.', '/'));
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => regex.IsMatch(f))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static Regex ToRegex(string pattern)
    {
        var builder = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                var slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                builder.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else
            {
                builder.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(c.ToString()),
                });
            }
        }

        return new Regex(builder.Append('$').ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}

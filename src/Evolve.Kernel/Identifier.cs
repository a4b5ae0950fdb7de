using System.Text.RegularExpressions;

namespace Evolve.Kernel;

/// <summary>
/// The rule for names that become folder names (agents, suites): plain lower-case names only,
/// so no name a user writes can reach outside the folder that holds it.
/// </summary>
public static partial class Identifier
{
    /// <summary>The rule in words, for error messages.</summary>
    public const string Rule = "lower-case letters, digits, '.', '_', '-'; no path separators or '..'";

    /// <summary>True for 1 to 64 characters of [a-z0-9._-], starting with a letter or digit, without "..".</summary>
    public static bool IsValid(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= 64 && Pattern().IsMatch(name) && !name.Contains("..", StringComparison.Ordinal);

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$")]
    private static partial Regex Pattern();
}

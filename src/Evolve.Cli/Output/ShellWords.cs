using System.Text.RegularExpressions;

namespace Evolve.Cli.Output;

/// <summary>
/// Writes a word so that a POSIX shell reads it back unchanged: the commands Evolve prints (how to
/// resume) are pasted into a shell, where a model URI like <c>sim?latency=30ms</c> or a folder
/// with a space would otherwise be globbed or split.
/// </summary>
internal static partial class ShellWords
{
    public static string Quote(string word) =>
        Plain().IsMatch(word) ? word : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    public static string Join(IEnumerable<string> words) => string.Join(' ', words.Select(Quote));

    // Characters no POSIX shell treats specially anywhere in a word.
    [GeneratedRegex("^[A-Za-z0-9_./:@%+=,-]+$")]
    private static partial Regex Plain();
}

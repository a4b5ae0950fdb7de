using DiffPlex;

namespace Evolve.Core.Reports.Insights;

/// <summary>
/// Splits a prompt into lines the way a reader sees them: CRLF, CR and LF all end a line, a final
/// line ending does not start an extra empty line, and an empty text has no lines at all. So a
/// template saved on Windows compares equal to the same template saved on Linux.
/// </summary>
internal sealed class PromptLineChunker : IChunker
{
    /// <summary>The one instance; the chunker has no state.</summary>
    public static readonly PromptLineChunker Instance = new();

    /// <inheritdoc/>
    public IReadOnlyList<string> Chunk(string str) => Split(str);

    /// <summary>The lines of <paramref name="text"/>, without their line endings.</summary>
    public static string[] Split(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var lines = normalized.Split('\n');
        return normalized.EndsWith('\n') ? lines[..^1] : lines;
    }
}

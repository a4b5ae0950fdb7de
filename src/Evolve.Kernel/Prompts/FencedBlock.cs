namespace Evolve.Kernel.Prompts;

/// <summary>
/// Finds fenced blocks (three or more backticks, see <see cref="FenceLine"/>) in Markdown-ish text,
/// and writes one. The reflection prompt wraps texts with it, the simulator reads them back and the
/// scorers take code and JSON out of answers with it, so every side agrees on what a fence is. A
/// block closes at a bare fence at least as long as its opening one; an unclosed block (a model cut
/// off at its token limit) runs to the end of the text. Contents carry no final line ending.
/// </summary>
public static class FencedBlock
{
    /// <summary>The first fenced block's content and the text around it, or null when there is none.</summary>
    public static (string Content, string Outside)? First(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = Lines(text);
        foreach (var (open, close, _) in Blocks(lines))
        {
            var outside = string.Join('\n', lines[..open].Concat(lines[Math.Min(close + 1, lines.Length)..]));
            return (Content(lines, open, close), outside);
        }

        return null;
    }

    /// <summary>
    /// The content of the first block whose language is one of <paramref name="languages"/>
    /// (case-insensitive; an empty string accepts a bare fence), or null when there is none.
    /// </summary>
    public static string? FirstIn(string text, params ReadOnlySpan<string> languages)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = Lines(text);
        foreach (var (open, close, fence) in Blocks(lines))
        {
            foreach (var language in languages)
            {
                if (fence.Language.Equals(language, StringComparison.OrdinalIgnoreCase))
                {
                    return Content(lines, open, close);
                }
            }
        }

        return null;
    }

    /// <summary>The content when the whole text, blank lines around it aside, is one closed block (any language); otherwise null.</summary>
    public static string? Whole(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = Lines(text.Trim());
        foreach (var (open, close, _) in Blocks(lines))
        {
            return open == 0 && close == lines.Length - 1 ? Content(lines, open, close) : null;
        }

        return null;
    }

    /// <summary>Wraps <paramref name="content"/> in a fence longer than any backtick run inside it.</summary>
    public static string Wrap(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        int longest = 0, run = 0;
        foreach (var c in content)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', Math.Max(3, longest + 1));
        return $"{fence}\n{content}\n{fence}";
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

    private static string Content(string[] lines, int open, int close) => string.Join('\n', lines[(open + 1)..Math.Min(close, lines.Length)]);

    /// <summary>Each block's opening line, closing line (the line count when unclosed) and opening fence.</summary>
    private static IEnumerable<(int Open, int Close, FenceLine Fence)> Blocks(string[] lines)
    {
        for (var open = 0; open < lines.Length; open++)
        {
            if (FenceLine.Read(lines[open]) is not { CanOpen: true } fence)
            {
                continue;
            }

            var close = open + 1;
            while (close < lines.Length && !(FenceLine.Read(lines[close]) is { } end && end.Closes(fence.Ticks)))
            {
                close++;
            }

            yield return (open, close, fence);
            open = close;
        }
    }
}

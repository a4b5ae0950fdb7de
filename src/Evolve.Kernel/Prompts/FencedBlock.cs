namespace Evolve.Kernel.Prompts;

/// <summary>
/// Finds the first fenced block (three or more backticks) in Markdown-ish text, and writes one.
/// The reflection prompt wraps texts with it and the simulator reads them back, so both sides
/// agree on what a fence is.
/// </summary>
public static class FencedBlock
{
    /// <summary>
    /// The first fenced block's content and the text around it, or null when there is none. A block
    /// closes at a line of only backticks, at least as many as opened it; an unclosed block runs to the end.
    /// </summary>
    public static (string Content, string Outside)? First(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var open = 0; open < lines.Length; open++)
        {
            var ticks = Backticks(lines[open].TrimStart());
            if (ticks < 3)
            {
                continue;
            }

            var close = open + 1;
            while (close < lines.Length && !IsClosing(lines[close], ticks))
            {
                close++;
            }

            var content = string.Join('\n', lines[(open + 1)..Math.Min(close, lines.Length)]);
            var outside = string.Join('\n', lines[..open].Concat(lines[Math.Min(close + 1, lines.Length)..]));
            return (content, outside);
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

    private static int Backticks(string line)
    {
        var n = 0;
        while (n < line.Length && line[n] == '`')
        {
            n++;
        }

        return n;
    }

    private static bool IsClosing(string line, int ticks)
    {
        var trimmed = line.Trim();
        return trimmed.Length >= ticks && Backticks(trimmed) == trimmed.Length;
    }
}

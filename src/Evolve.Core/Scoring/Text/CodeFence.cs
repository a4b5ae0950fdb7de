namespace Evolve.Core.Scoring.Text;

/// <summary>Finds Markdown fenced code blocks (<c>```lang</c> ... <c>```</c>) in a model's answer.</summary>
internal static class CodeFence
{
    private const string Fence = "```";

    /// <summary>
    /// The body of the first fenced block whose info string is one of <paramref name="languages"/>
    /// (compared case-insensitively; an empty string accepts a bare fence). An unterminated last
    /// block, as a model cut off at its token limit writes, runs to the end of the text.
    /// </summary>
    public static bool TryFind(string text, ReadOnlySpan<string> languages, out string body)
    {
        var position = 0;
        while (TryNextFence(text, position, out var infoStart, out var bodyStart))
        {
            var info = text.AsSpan(infoStart, bodyStart - infoStart).Trim();
            var end = FindClosing(text, bodyStart, out var after);
            if (Accepts(info, languages))
            {
                body = text[bodyStart..end];
                return true;
            }

            position = after;
        }

        body = string.Empty;
        return false;
    }

    /// <summary>
    /// When the whole trimmed text is one fenced block (any language), its body; otherwise null.
    /// </summary>
    public static string? WholeBlockBody(string text)
    {
        var trimmed = text.AsSpan().Trim();
        if (!trimmed.StartsWith(Fence, StringComparison.Ordinal) || !trimmed.EndsWith(Fence, StringComparison.Ordinal) || trimmed.Length < 6)
        {
            return null;
        }

        var firstNewline = trimmed.IndexOf('\n');
        if (firstNewline < 0)
        {
            return null;
        }

        var inner = trimmed[(firstNewline + 1)..^Fence.Length];
        return inner.Contains(Fence, StringComparison.Ordinal) ? null : inner.ToString();
    }

    private static bool Accepts(ReadOnlySpan<char> info, ReadOnlySpan<string> languages)
    {
        // The info string may carry attributes after the language ("python title=x.py").
        var space = info.IndexOfAny(' ', '\t');
        var language = space < 0 ? info : info[..space];
        foreach (var accepted in languages)
        {
            if (language.Equals(accepted, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryNextFence(string text, int from, out int infoStart, out int bodyStart)
    {
        for (var i = text.IndexOf(Fence, from, StringComparison.Ordinal); i >= 0; i = text.IndexOf(Fence, i + 3, StringComparison.Ordinal))
        {
            if (!AtLineStart(text, i))
            {
                continue;
            }

            infoStart = i + 3;
            var newline = text.IndexOf('\n', infoStart);
            bodyStart = newline < 0 ? text.Length : newline + 1;
            return true;
        }

        infoStart = bodyStart = 0;
        return false;
    }

    private static int FindClosing(string text, int bodyStart, out int after)
    {
        for (var i = text.IndexOf(Fence, bodyStart, StringComparison.Ordinal); i >= 0; i = text.IndexOf(Fence, i + 3, StringComparison.Ordinal))
        {
            if (AtLineStart(text, i))
            {
                var newline = text.IndexOf('\n', i);
                after = newline < 0 ? text.Length : newline + 1;
                return i;
            }
        }

        after = text.Length;
        return text.Length;
    }

    // A fence counts only at the start of a line, after at most three spaces of indentation.
    private static bool AtLineStart(string text, int index)
    {
        var spaces = 0;
        for (var j = index - 1; j >= 0; j--)
        {
            if (text[j] == '\n')
            {
                return true;
            }

            if (text[j] != ' ' || ++spaces > 3)
            {
                return false;
            }
        }

        return true;
    }
}

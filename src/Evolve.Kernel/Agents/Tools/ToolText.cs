namespace Evolve.Kernel.Agents.Tools;

/// <summary>Caps tool results so one noisy call cannot flood the context window.</summary>
public static class ToolText
{
    /// <summary>Default cap on one tool result, in characters.</summary>
    public const int DefaultMaxChars = 8_000;

    /// <summary>Cuts <paramref name="text"/> to <paramref name="maxChars"/>, saying how much was dropped.</summary>
    public static string Truncate(string text, int maxChars = DefaultMaxChars)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 64);
        if (text.Length <= maxChars)
        {
            return text;
        }

        var note = $"\n[truncated: {text.Length - (maxChars - 48)} more characters]";
        return string.Concat(text.AsSpan(0, maxChars - 48), note);
    }
}

using System.Globalization;

namespace Evolve.Core.Gepa.Reflection;

/// <summary>Shortens text to a cap and says how much was left out, so a reader knows it is partial.</summary>
internal static class TextClip
{
    public static string Clip(string text, int maxChars)
    {
        if (text.Length <= maxChars)
        {
            return text;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{text[..maxChars]}\n... ({text.Length - maxChars} more characters left out)");
    }

    /// <summary>One line, at most <paramref name="maxChars"/> characters, ending in "..." when cut.</summary>
    public static string Line(string text, int maxChars) =>
        text.Length <= maxChars ? text : text[..Math.Max(0, maxChars - 3)] + "...";
}

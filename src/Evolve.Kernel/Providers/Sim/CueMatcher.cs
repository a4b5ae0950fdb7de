using System.Text;

namespace Evolve.Kernel.Providers.Sim;

/// <summary>
/// The one rule for "does this text mention this cue", shared by the simulator, reflection and
/// reports: both sides are lower-cased, <c>_</c> and <c>-</c> become spaces, runs of whitespace
/// collapse to one space, and the cue counts when its normalized text occurs in the normalized text.
/// So <c>empty_list</c> is covered by "Handle an Empty-List input" and by "empty list".
/// </summary>
public static class CueMatcher
{
    /// <summary>Normalizes text as described on <see cref="CueMatcher"/>; trims the ends.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var raw in text)
        {
            var c = raw is '_' or '-' ? ' ' : char.ToLowerInvariant(raw);
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>True when <paramref name="cue"/> occurs in <paramref name="text"/> after normalizing both.</summary>
    public static bool Covers(string text, string cue) => CoversNormalized(Normalize(text), Normalize(cue));

    /// <summary>Fraction of <paramref name="cues"/> that <paramref name="text"/> covers; 0 when there are no cues.</summary>
    public static double Coverage(string text, IReadOnlyList<string> cues)
    {
        ArgumentNullException.ThrowIfNull(cues);
        var normalized = Normalize(text);
        return CoverageNormalized(normalized, cues.Select(Normalize).ToArray());
    }

    /// <summary>Like <see cref="Covers"/> for text and cue that are already normalized; an empty cue is never covered.</summary>
    public static bool CoversNormalized(string normalizedText, string normalizedCue) =>
        normalizedCue.Length > 0 && normalizedText.Contains(normalizedCue, StringComparison.Ordinal);

    internal static double CoverageNormalized(string normalizedText, string[] normalizedCues)
    {
        if (normalizedCues.Length == 0)
        {
            return 0;
        }

        var covered = 0;
        foreach (var cue in normalizedCues)
        {
            if (CoversNormalized(normalizedText, cue))
            {
                covered++;
            }
        }

        return (double)covered / normalizedCues.Length;
    }
}

using System.Globalization;

namespace Evolve.Core.Scoring.Text;

/// <summary>Reads the number an answer gives: the whole answer, or else the last number in it.</summary>
internal static class NumberScanner
{
    /// <summary>Parses a number written in invariant culture, allowing thousands separators.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out double value) =>
        double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value);

    /// <summary>
    /// The number in <paramref name="text"/>: the whole trimmed text when it is a number (a trailing
    /// full stop allowed), otherwise the last number written in it ("The total is 1,234.5." gives 1234.5).
    /// </summary>
    public static bool TryFind(string text, out double value)
    {
        var whole = text.AsSpan().Trim().TrimEnd('.');
        if (TryParse(whole, out value))
        {
            return true;
        }

        var (start, length) = LastToken(text);
        return length > 0 && TryParse(text.AsSpan(start, length), out value);
    }

    private static (int Start, int Length) LastToken(string text)
    {
        (int, int) last = (0, 0);
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            if (char.IsAsciiLetter(text[i]))
            {
                // "v2" or "H2O" hold no number the answer means.
                while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
                {
                    i++;
                }

                continue;
            }

            if (!StartsNumber(text, i))
            {
                i++;
                continue;
            }

            if (text[i] is '-' or '+')
            {
                i++;
            }

            i = Digits(text, i, allowGrouping: true);
            if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
            {
                i = Digits(text, i + 1, allowGrouping: false);
            }

            if (i + 1 < text.Length && text[i] is 'e' or 'E')
            {
                var j = i + 1;
                if (j < text.Length && text[j] is '-' or '+')
                {
                    j++;
                }

                if (j < text.Length && char.IsAsciiDigit(text[j]))
                {
                    i = Digits(text, j, allowGrouping: false);
                }
            }

            last = (start, i - start);
        }

        return last;
    }

    private static bool StartsNumber(string text, int i)
    {
        var c = text[i];
        if (char.IsAsciiDigit(c))
        {
            return true;
        }

        if (c is '-' or '+' && i + 1 < text.Length && (char.IsAsciiDigit(text[i + 1]) || (text[i + 1] == '.' && i + 2 < text.Length && char.IsAsciiDigit(text[i + 2]))))
        {
            // A minus sign only when it is not a hyphen between two words or numbers ("2024-01").
            return i == 0 || !char.IsAsciiLetterOrDigit(text[i - 1]);
        }

        return c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]) && (i == 0 || !char.IsAsciiDigit(text[i - 1]));
    }

    private static int Digits(string text, int i, bool allowGrouping)
    {
        while (i < text.Length)
        {
            if (char.IsAsciiDigit(text[i]))
            {
                i++;
            }
            else if (allowGrouping && text[i] == ',' && IsGroup(text, i + 1))
            {
                i += 4;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    // "1,234" is one number but "1,2,3" is a list: a group is exactly three digits.
    private static bool IsGroup(string text, int i) =>
        i + 2 < text.Length && char.IsAsciiDigit(text[i]) && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i + 2])
        && (i + 3 == text.Length || !char.IsAsciiDigit(text[i + 3]));
}

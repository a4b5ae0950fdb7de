using System.Globalization;
using System.Text;

namespace Evolve.Core.Scoring.Text;

/// <summary>
/// Renders answers and expectations into feedback a reflection model reads: quoted, on one line,
/// cut to a length that keeps a whole failing minibatch inside a reflection prompt.
/// </summary>
internal static class FeedbackText
{
    /// <summary>Characters kept of a quoted text before it is cut.</summary>
    public const int MaxQuoted = 200;

    /// <summary>
    /// Quotes <paramref name="text"/> with control characters escaped, cut to
    /// <paramref name="max"/> characters with a note saying how much was left out.
    /// </summary>
    public static string Quote(string? text, int max = MaxQuoted)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "\"\" (empty)";
        }

        var cut = text.Length > max;
        var span = cut ? text.AsSpan(0, max) : text.AsSpan();
        if (!NeedsEscaping(span) && !cut)
        {
            return string.Concat("\"", text, "\"");
        }

        var builder = new StringBuilder(span.Length + 24);
        builder.Append('"');
        foreach (var c in span)
        {
            switch (c)
            {
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '"': builder.Append("\\\""); break;
                default: builder.Append(c); break;
            }
        }

        builder.Append('"');
        if (cut)
        {
            builder.Append("… (").Append(text.Length - max).Append(" more chars)");
        }

        return builder.ToString();
    }

    /// <summary>Quotes each item and joins them with commas, listing at most <paramref name="maxItems"/>.</summary>
    public static string QuoteList(IReadOnlyList<string> items, int maxItems = 8)
    {
        var builder = new StringBuilder();
        var shown = Math.Min(items.Count, maxItems);
        for (var i = 0; i < shown; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            builder.Append(Quote(items[i], 60));
        }

        if (items.Count > shown)
        {
            builder.Append(" and ").Append(items.Count - shown).Append(" more");
        }

        return builder.ToString();
    }

    /// <summary>Formats a number the same way on every machine, without noise digits.</summary>
    public static string Number(double value) =>
        Math.Abs(value) is >= 1e-4 and < 1e15 or 0
            ? value.ToString("0.######", CultureInfo.InvariantCulture)
            : value.ToString("0.#####e+0", CultureInfo.InvariantCulture);

    /// <summary>Formats a score in [0, 1] to three decimals at most (0.533 rather than 0.533333).</summary>
    public static string Score(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>"1 word", "3 words".</summary>
    public static string Count(int count, string noun) =>
        string.Concat(count.ToString(CultureInfo.InvariantCulture), " ", noun, count == 1 ? string.Empty : "s");

    private static bool NeedsEscaping(ReadOnlySpan<char> span) => span.IndexOfAny("\n\r\t\"") >= 0;
}

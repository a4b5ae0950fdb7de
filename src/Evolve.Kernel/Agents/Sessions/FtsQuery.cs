using System.Text;

namespace Evolve.Kernel.Agents.Sessions;

/// <summary>
/// Turns user text into an FTS5 query that can only mean "all these words": every term becomes a
/// quoted string, so operators (OR, NOT, NEAR), prefixes (*), column filters (col:) and stray
/// quotes in the input are searched for as plain words, never interpreted.
/// </summary>
internal static class FtsQuery
{
    /// <summary>The sanitised query, or null when the text holds no searchable term.</summary>
    public static string? Sanitize(string text)
    {
        var terms = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text + " ")
        {
            // Letters and digits are what the unicode61 tokenizer indexes; everything else separates.
            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                terms.Add(current.ToString());
                current.Clear();
            }
        }

        if (terms.Count == 0)
        {
            return null;
        }

        // Terms hold only letters and digits, but quote-doubling keeps this safe if that ever changes.
        return string.Join(' ', terms.Distinct(StringComparer.Ordinal).Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
    }
}

namespace Evolve.Core.Scoring.Text;

/// <summary>Word counting and the SQuAD-style token normalisation used by token F1.</summary>
internal static class WordTokens
{
    /// <summary>Counts maximal runs of non-whitespace characters.</summary>
    public static int Count(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                inWord = false;
            }
            else if (!inWord)
            {
                inWord = true;
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Lower-cased tokens of letters and digits, without the articles a/an/the, so that
    /// "The answer: Paris." and "paris" share their one content word.
    /// </summary>
    public static List<string> Normalize(string text)
    {
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWordChar = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                var token = text.Substring(start, i - start).ToLowerInvariant();
                if (token is not ("a" or "an" or "the"))
                {
                    tokens.Add(token);
                }

                start = -1;
            }
        }

        return tokens;
    }
}

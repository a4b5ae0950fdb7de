using System.Text.RegularExpressions;

namespace Evolve.Core.Scoring.Text;

/// <summary>
/// Word n-grams for the overlap metrics (rouge-n, bleu, gleu, meteor): lower-cased runs of letters,
/// digits and apostrophes, so punctuation never counts as a word.
/// </summary>
internal static partial class NGrams
{
    /// <summary>The words of <paramref name="text"/>.</summary>
    public static string[] Words(string text) => [.. Word().Matches(text.ToLowerInvariant()).Select(m => m.Value)];

    /// <summary>How often each n-gram of length <paramref name="n"/> occurs in <paramref name="words"/>.</summary>
    public static Dictionary<string, int> Count(string[] words, int n)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + n <= words.Length; i++)
        {
            var gram = string.Join(' ', words, i, n);
            counts[gram] = counts.GetValueOrDefault(gram) + 1;
        }

        return counts;
    }

    /// <summary>The n-grams of <paramref name="candidate"/> also in <paramref name="reference"/>, each counted at most as often as there.</summary>
    public static int Clipped(Dictionary<string, int> candidate, Dictionary<string, int> reference) =>
        candidate.Sum(kv => Math.Min(kv.Value, reference.GetValueOrDefault(kv.Key)));

    /// <summary>The number of n-grams of length <paramref name="n"/> in a text of <paramref name="length"/> words.</summary>
    public static int Total(int length, int n) => Math.Max(0, length - n + 1);

    [GeneratedRegex(@"[\p{L}\p{N}']+")]
    private static partial Regex Word();
}

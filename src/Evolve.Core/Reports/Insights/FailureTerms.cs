using System.Collections.Frozen;

namespace Evolve.Core.Reports.Insights;

/// <summary>
/// Words of feedback texts for labels. Identifiers such as <c>test_empty_list</c> stay whole
/// because they name the failing test; numbers and function words are dropped because they vary
/// between runs (counts, quoted answers) without saying what went wrong.
/// </summary>
internal static class FailureTerms
{
    private static readonly FrozenSet<string> _stopWords = FrozenSet.ToFrozenSet(
        ["the", "and", "but", "for", "not", "are", "was", "were", "has", "have", "had", "this", "that", "with", "from",
         "into", "its", "it's", "than", "then", "there", "their", "which", "what", "when", "where", "does", "did", "can",
         "any", "all", "only", "more", "some", "such", "also", "you", "your", "our", "out", "got"],
        StringComparer.Ordinal);

    /// <summary>
    /// The distinct words of <paramref name="text"/>, lower-cased, in order of first appearance.
    /// Words written like code (<c>test_empty_list</c>, <c>IndexError</c>, <c>JSON</c>) are added to
    /// <paramref name="codeLike"/>: in failure feedback they name the test, the error or the format.
    /// </summary>
    public static IReadOnlyList<string> Tokenize(string text, ISet<string> codeLike)
    {
        var words = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_');
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                var original = text[start..i].Trim('_');
                var word = original.ToLowerInvariant();
                if (word.Length >= 3 && !word.All(char.IsDigit) && !_stopWords.Contains(word) && seen.Add(word))
                {
                    words.Add(word);
                    if (original.Contains('_', StringComparison.Ordinal) || original.Skip(1).Any(char.IsUpper))
                    {
                        codeLike.Add(word);
                    }
                }

                start = -1;
            }
        }

        return words;
    }

    /// <summary>
    /// Up to <paramref name="count"/> words that are in many of the cluster's texts and few of the
    /// others': ranked by the share of the cluster's failures that contain the word minus the share of
    /// the other failures that do; among equals, code-like words first, then in reading order of the
    /// cluster's first text that has them, so a label reads like a phrase of the feedback.
    /// </summary>
    public static IReadOnlyList<string> Distinctive(
        IReadOnlyList<(IReadOnlyList<string> Words, int Weight)> inside,
        IReadOnlyList<(IReadOnlyList<string> Words, int Weight)> outside,
        IReadOnlySet<string> codeLike,
        int count)
    {
        var (inShare, _) = Shares(inside);
        var (outShare, outTotal) = Shares(outside);
        var reading = inside.SelectMany(t => t.Words).Distinct(StringComparer.Ordinal).Select((w, i) => (w, i)).ToDictionary(p => p.w, p => p.i, StringComparer.Ordinal);
        return inShare
            .Select(p => (Word: p.Key, Score: p.Value - (outTotal == 0 ? 0 : outShare.GetValueOrDefault(p.Key))))
            // Shares are sums of fractions; rounding keeps equal shares equal for the tie-breaks.
            .Select(p => (p.Word, Score: Math.Round(p.Score, 9)))
            .Where(p => p.Score > 0)
            .OrderByDescending(p => p.Score)
            .ThenByDescending(p => codeLike.Contains(p.Word))
            .ThenBy(p => reading[p.Word])
            .Take(count)
            .Select(p => p.Word)
            .ToList();
    }

    private static (Dictionary<string, double> Share, int Total) Shares(IReadOnlyList<(IReadOnlyList<string> Words, int Weight)> texts)
    {
        var total = texts.Sum(t => t.Weight);
        var share = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (words, weight) in texts)
        {
            foreach (var word in words)
            {
                share[word] = share.GetValueOrDefault(word) + ((double)weight / total);
            }
        }

        return (share, total);
    }
}

namespace Evolve.Core.Scoring.Text;

/// <summary>
/// Reference-overlap scores on <see cref="NGrams"/> words, as promptfoo computes them (checked
/// against its figures in the conformance configs): ROUGE-1 F-measure, BLEU-4 (uniform weights,
/// brevity penalty, no smoothing), Google's GLEU (n = 1..4: matches over the larger of the two
/// n-gram totals) and METEOR (exact then stem matches, α 0.9, β 3, γ 0.5).
/// </summary>
internal static class OverlapMetrics
{
    private const int MaxN = 4;

    /// <summary>ROUGE-1: the F-measure of clipped unigram matches.</summary>
    public static double Rouge1(string[] candidate, string[] reference)
    {
        var matches = NGrams.Clipped(NGrams.Count(candidate, 1), NGrams.Count(reference, 1));
        return matches == 0 ? 0 : 2.0 * matches / (candidate.Length + reference.Length);
    }

    /// <summary>BLEU-4: the geometric mean of clipped n-gram precisions times the brevity penalty; 0 when some order has no match.</summary>
    public static double Bleu(string[] candidate, string[] reference)
    {
        if (candidate.Length == 0)
        {
            return 0;
        }

        var logSum = 0.0;
        for (var n = 1; n <= MaxN; n++)
        {
            var total = NGrams.Total(candidate.Length, n);
            var matches = total == 0 ? 0 : NGrams.Clipped(NGrams.Count(candidate, n), NGrams.Count(reference, n));
            if (matches == 0)
            {
                return 0;
            }

            logSum += Math.Log((double)matches / total) / MaxN;
        }

        var brevity = candidate.Length >= reference.Length ? 1 : Math.Exp(1 - ((double)reference.Length / candidate.Length));
        return brevity * Math.Exp(logSum);
    }

    /// <summary>GLEU: n-gram matches of every order 1 to 4 over the larger of the candidate's and the reference's n-gram counts.</summary>
    public static double Gleu(string[] candidate, string[] reference)
    {
        int matches = 0, candidateTotal = 0, referenceTotal = 0;
        for (var n = 1; n <= MaxN; n++)
        {
            matches += NGrams.Clipped(NGrams.Count(candidate, n), NGrams.Count(reference, n));
            candidateTotal += NGrams.Total(candidate.Length, n);
            referenceTotal += NGrams.Total(reference.Length, n);
        }

        var larger = Math.Max(candidateTotal, referenceTotal);
        return larger == 0 ? 0 : (double)matches / larger;
    }

    /// <summary>
    /// METEOR: unigrams aligned exactly, then by stem (a light suffix stripper, not WordNet, so no
    /// synonyms); F-mean with recall weighted by α = 0.9, less a fragmentation penalty γ·(chunks/matches)^β.
    /// </summary>
    public static double Meteor(string[] candidate, string[] reference)
    {
        var used = new bool[reference.Length];
        var aligned = new int[candidate.Length];
        Array.Fill(aligned, -1);
        foreach (var stem in new[] { false, true })
        {
            for (var i = 0; i < candidate.Length; i++)
            {
                for (var j = 0; aligned[i] < 0 && j < reference.Length; j++)
                {
                    if (!used[j] && (stem ? Stem(candidate[i]) == Stem(reference[j]) : candidate[i] == reference[j]))
                    {
                        (aligned[i], used[j]) = (j, true);
                    }
                }
            }
        }

        var matches = aligned.Count(a => a >= 0);
        if (matches == 0)
        {
            return 0;
        }

        var chunks = 0;
        for (int i = 0, previous = -2; i < candidate.Length; i++)
        {
            if (aligned[i] >= 0 && aligned[i] != previous + 1)
            {
                chunks++;
            }

            previous = aligned[i] >= 0 ? aligned[i] : -2;
        }

        double precision = (double)matches / candidate.Length, recall = (double)matches / reference.Length;
        var fmean = precision * recall / ((0.9 * precision) + (0.1 * recall));
        return fmean * (1 - (0.5 * Math.Pow((double)chunks / matches, 3)));
    }

    private static string Stem(string word)
    {
        foreach (var suffix in new[] { "ing", "ed", "es", "s" })
        {
            if (word.Length > suffix.Length + 2 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                return word[..^suffix.Length];
            }
        }

        return word;
    }
}

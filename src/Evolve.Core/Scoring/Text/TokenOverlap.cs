namespace Evolve.Core.Scoring.Text;

/// <summary>Token-level precision/recall F1 between a reference and an answer, with what differs.</summary>
/// <param name="F1">Harmonic mean of precision and recall; 1 when both are empty.</param>
/// <param name="Missing">Reference words that never appear in the answer (distinct, in reference order).</param>
/// <param name="Extra">Answer words that never appear in the reference (distinct, in answer order).</param>
internal sealed record TokenOverlap(double F1, List<string> Missing, List<string> Extra)
{
    /// <summary>Computes the multiset overlap of two token lists.</summary>
    public static TokenOverlap Compute(List<string> reference, List<string> answer)
    {
        if (reference.Count == 0 || answer.Count == 0)
        {
            var f1 = reference.Count == answer.Count ? 1 : 0;
            return new TokenOverlap(f1, Distinct(reference), Distinct(answer));
        }

        var remaining = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in reference)
        {
            remaining[token] = remaining.GetValueOrDefault(token) + 1;
        }

        var common = 0;
        var extra = new List<string>();
        foreach (var token in answer)
        {
            if (remaining.TryGetValue(token, out var left) && left > 0)
            {
                remaining[token] = left - 1;
                common++;
            }
            else if (!remaining.ContainsKey(token) && !extra.Contains(token))
            {
                extra.Add(token);
            }
        }

        var inAnswer = new HashSet<string>(answer, StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var token in reference)
        {
            if (!inAnswer.Contains(token) && !missing.Contains(token))
            {
                missing.Add(token);
            }
        }

        if (common == 0)
        {
            return new TokenOverlap(0, missing, extra);
        }

        var precision = (double)common / answer.Count;
        var recall = (double)common / reference.Count;
        return new TokenOverlap(2 * precision * recall / (precision + recall), missing, extra);
    }

    private static List<string> Distinct(List<string> tokens)
    {
        var list = new List<string>();
        foreach (var token in tokens)
        {
            if (!list.Contains(token))
            {
                list.Add(token);
            }
        }

        return list;
    }
}

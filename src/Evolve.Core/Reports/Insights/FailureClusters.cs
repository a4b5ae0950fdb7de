namespace Evolve.Core.Reports.Insights;

/// <summary>
/// Groups failing rollouts by what their feedback says, so a report can show "12 failures:
/// test_empty_list / indexerror / range" instead of 200 lines of feedback. Word TF-IDF features
/// and k-means come from ML.NET; labels are the words that set each group apart from the others.
/// </summary>
public static class FailureClusters
{
    /// <summary>
    /// Clusters <paramref name="failures"/> by feedback text. Returns no clusters for no failures and
    /// one cluster when every feedback has the same words; otherwise 2 to
    /// <see cref="FailureClusterOptions.MaxClusters"/> clusters (at most about the square root of half
    /// the number of distinct texts), the number chosen by how well the groups separate. Sorted by
    /// count, largest first, then by label. The same input and seed give the same clusters.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="failures"/> is null.</exception>
    /// <exception cref="Evolve.Kernel.InputException">An option is out of range.</exception>
    public static IReadOnlyList<FailureCluster> Find(IReadOnlyList<FailureText> failures, FailureClusterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(failures);
        options ??= new FailureClusterOptions();
        options.Validate();
        if (failures.Count == 0)
        {
            return [];
        }

        // Clustering distinct texts with weights keeps repeated feedback cheap and order-independent.
        var rows = failures.GroupBy(f => f.Feedback ?? string.Empty, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new FailureRow { Text = g.Key, Weight = g.Count() })
            .ToList();
        var codeLike = new HashSet<string>(StringComparer.Ordinal);
        var words = rows.Select(r => FailureTerms.Tokenize(r.Text, codeLike)).ToList();
        var distinctWordSets = words.Select(w => string.Join(' ', w.Order(StringComparer.Ordinal))).Distinct(StringComparer.Ordinal).Count();
        var cap = Math.Min(Math.Min(options.MaxClusters, distinctWordSets), Math.Max(2, (int)Math.Ceiling(Math.Sqrt(rows.Count / 2.0))));
        var assigned = cap < 2 ? new int[rows.Count] : FailureKMeans.Assign(rows, cap, options).Clusters;

        // Two centroids can fall inside one family of failures; groups a reader could not tell
        // apart (same label) are shown as one.
        var labels = Labels(rows, words, codeLike, assigned);
        var merged = assigned.Select(c => labels.FindIndex(l => l.SequenceEqual(labels[c], StringComparer.Ordinal))).ToArray();
        var terms = Labels(rows, words, codeLike, merged);
        var byText = failures.ToLookup(f => f.Feedback ?? string.Empty, StringComparer.Ordinal);
        return Enumerable.Range(0, terms.Count)
            .Where(c => merged.Contains(c))
            .Select(c => Cluster(c, rows, merged, terms[c], byText))
            .OrderByDescending(c => c.Count)
            .ThenBy(c => c.Label, StringComparer.Ordinal)
            .ToList();
    }

    private static List<IReadOnlyList<string>> Labels(List<FailureRow> rows, List<IReadOnlyList<string>> words, HashSet<string> codeLike, int[] clusters)
    {
        var labels = new List<IReadOnlyList<string>>();
        for (var c = 0; c <= clusters.Max(); c++)
        {
            var inside = Enumerable.Range(0, rows.Count).Where(i => clusters[i] == c).Select(i => (words[i], (int)rows[i].Weight)).ToList();
            var outside = Enumerable.Range(0, rows.Count).Where(i => clusters[i] != c).Select(i => (words[i], (int)rows[i].Weight)).ToList();
            labels.Add(inside.Count == 0 ? [] : FailureTerms.Distinctive(inside, outside, codeLike, FailureClusterDefaults.LabelTerms));
        }

        return labels;
    }

    private static FailureCluster Cluster(int cluster, List<FailureRow> rows, int[] clusters, IReadOnlyList<string> terms, ILookup<string, FailureText> byText)
    {
        var texts = Enumerable.Range(0, rows.Count).Where(i => clusters[i] == cluster).Select(i => rows[i].Text).ToList();
        var members = texts.SelectMany(t => byText[t]).ToList();
        return new FailureCluster(
            terms.Count == 0 ? "(no text)" : string.Join(" / ", terms),
            terms,
            members.Count,
            members.Select(m => m.CaseId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            members.Select(m => m.CandidateId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            texts.OrderBy(t => t.Length).ThenBy(t => t, StringComparer.Ordinal).Take(FailureClusterDefaults.Examples).ToList());
    }
}

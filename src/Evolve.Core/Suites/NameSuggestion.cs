namespace Evolve.Core.Suites;

/// <summary>Suggests the closest known name for a misspelt one ("did you mean ...?").</summary>
internal static class NameSuggestion
{
    /// <summary>Returns " (did you mean 'x'?)" when a known name is within two edits, else an empty string.</summary>
    public static string DidYouMean(string written, IEnumerable<string> known)
    {
        var best = known
            .Select(k => (Name: k, Distance: Distance(written.ToLowerInvariant(), k)))
            .Where(x => x.Distance <= 2)
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Name is null ? string.Empty : $" (did you mean '{best.Name}'?)";
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}

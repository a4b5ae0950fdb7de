using Evolve.Core.Scoring.Text;

namespace Evolve.Core.Suites;

/// <summary>Suggests the closest known name for a misspelt one ("did you mean ...?").</summary>
public static class NameSuggestion
{
    /// <summary>Returns " (did you mean 'x'?)" when a known name is within two edits, else an empty string.</summary>
    public static string DidYouMean(string written, IEnumerable<string> known)
    {
        var lowered = written.ToLowerInvariant();
        var best = known
            .Select(k => (Name: k, Distance: EditDistance.ComputeBounded(lowered, k, 2)))
            .Where(x => x.Distance <= 2)
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Name is null ? string.Empty : $" (did you mean '{best.Name}'?)";
    }
}

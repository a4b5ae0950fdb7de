using Evolve.Core.Gepa.Search;

namespace Evolve.Core.Tests.Gepa.Search;

/// <summary>Hand-built pools for the search tests.</summary>
internal static class SearchKit
{
    /// <summary>A member scored on cases c0, c1, ... in order; NaN leaves a case unscored.</summary>
    public static PoolMember Member(string id, int index, double[] scores, params string[] parents)
    {
        var valScores = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < scores.Length; i++)
        {
            if (!double.IsNaN(scores[i]))
            {
                valScores[Case(i)] = scores[i];
            }
        }

        return new PoolMember(id, index, valScores, parents);
    }

    public static string Case(int i) => $"c{i}";

    public static IReadOnlyList<string> Cases(int count) => Enumerable.Range(0, count).Select(Case).ToList();

    public static Dictionary<string, string> Texts(params (string Name, string Text)[] pairs)
        => pairs.ToDictionary(p => p.Name, p => p.Text, StringComparer.Ordinal);
}

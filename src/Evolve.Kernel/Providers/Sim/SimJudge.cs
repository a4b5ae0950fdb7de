using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Evolve.Kernel.Providers.Sim;

/// <summary>
/// The simulator as a judge: it grades by words, not meaning. The criterion's salient words (four
/// letters or more, not common function words) count as found when the answer has a word that
/// equals one or shares its first five letters ("apology" finds "apologize"); the score is the
/// fraction found, and the grade passes at 0.5. For <c>factuality</c> the criterion is the
/// reference fact and the choice follows the overlap of the two texts' salient words both ways
/// (A: the answer is a subset, B: a superset, C: the same, D: they disagree). For
/// <c>select-best</c> it chooses the answer with the most salient words found, the first on a tie.
/// It replies in the
/// JSON every Evolve judge prompt asks for, and its reason names the words found and missing, so
/// reflection learns what to add. Deterministic: same request, same grade.
/// </summary>
internal static partial class SimJudge
{
    private const double PassAt = 0.5;
    private const int StemLength = 5;

    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "that", "this", "with", "from", "into", "than", "then", "when", "what", "which", "while", "have", "does", "should",
        "must", "would", "could", "will", "your", "their", "there", "about", "answer", "output", "response", "text", "only",
        "also", "each", "every", "some", "more", "most", "very", "just", "like", "make", "makes", "user", "question",
    };

    /// <summary>The judge's reply to <paramref name="request"/>.</summary>
    public static string Grade(JudgeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Kind == "select-best")
        {
            return Choose(request);
        }

        var wanted = Salient(request.Criterion);
        var answer = Salient(request.Output);
        var (found, missing) = Split(wanted, answer);
        var score = wanted.Count == 0 ? 0 : found.Count / (double)wanted.Count;
        string? choice = null;
        if (request.Kind == "factuality")
        {
            var (extra, _) = Split(answer, wanted);
            var back = answer.Count == 0 ? 0 : extra.Count / (double)answer.Count;
            choice = score >= 0.8 && back >= 0.8 ? "C" : back >= 0.8 ? "A" : score >= 0.8 ? "B" : "D";
            score = choice == "D" ? Math.Min(score, back) : 1;
        }

        var reason = wanted.Count == 0
            ? "[simulated judge] the criterion has no salient word to look for, so nothing could be confirmed."
            : $"[simulated judge] found {found.Count} of {wanted.Count} key words ({List(found)}); missing: {List(missing)}.";
        var reply = new Dictionary<string, object?>
        {
            ["reason"] = reason,
            ["pass"] = choice is null ? score >= PassAt : choice != "D",
            ["score"] = Math.Round(score, 3),
        };
        if (choice is not null)
        {
            reply["choice"] = choice;
        }

        return JsonSerializer.Serialize(reply);
    }

    // select-best: the answer with the most of the criterion's salient words, the first on a tie.
    private static string Choose(JudgeRequest request)
    {
        var wanted = Salient(request.Criterion);
        var found = request.Outputs.Select(o => Split(wanted, Salient(o)).Found.Count).ToList();
        var best = found.Count == 0 ? 0 : found.IndexOf(found.Max());
        var reason = wanted.Count == 0
            ? "[simulated judge] the criterion has no salient word to look for, so the first answer was taken."
            : string.Create(CultureInfo.InvariantCulture, $"[simulated judge] answer {best} has {found.ElementAtOrDefault(best)} of {wanted.Count} key words, the most of any.");
        return JsonSerializer.Serialize(new Dictionary<string, object?> { ["reason"] = reason, ["best"] = best });
    }

    private static List<string> Salient(string text) =>
        [.. Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).Where(w => w.Length >= 4 && !Common.Contains(w)).Distinct(StringComparer.Ordinal)];

    private static (List<string> Found, List<string> Missing) Split(List<string> wanted, List<string> words)
    {
        var stems = words.Select(Stem).ToHashSet(StringComparer.Ordinal);
        var found = wanted.Where(w => stems.Contains(Stem(w))).ToList();
        return (found, [.. wanted.Except(found, StringComparer.Ordinal)]);
    }

    private static string Stem(string word) => word.Length > StemLength ? word[..StemLength] : word;

    private static string List(List<string> words) =>
        words.Count == 0 ? "none" : string.Join(", ", words.Take(12).Select(w => w.Length > 32 ? w[..32] + "…" : w)) + (words.Count > 12 ? string.Create(CultureInfo.InvariantCulture, $" and {words.Count - 12} more") : "");

    [GeneratedRegex("[a-z0-9]+")]
    private static partial Regex Word();
}

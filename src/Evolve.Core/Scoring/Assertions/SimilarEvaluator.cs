using Evolve.Core.Scoring.Text;
using Evolve.Core.Suites;

namespace Evolve.Core.Scoring.Assertions;

/// <summary>
/// <c>similar</c> offline: the cosine of word-count vectors (lower-cased, SQuAD-normalised words)
/// between the answer and the value, or the best over a list of values; passes at the threshold
/// (promptfoo's default 0.75). promptfoo compares embeddings, so figures differ from its own: this
/// rewards the same words, not the same meaning, until Evolve has an embedding model.
/// </summary>
internal sealed class SimilarEvaluator() : SyncAssertionEvaluator<SimilarEvaluator.References>("similar")
{
    private const double DefaultThreshold = 0.75;

    internal sealed record References(Dictionary<string, int>[] Vectors, string[] Texts, double Threshold);

    /// <inheritdoc/>
    protected override References Parse(AssertionSpec spec)
    {
        var threshold = spec.Threshold ?? DefaultThreshold;
        // A text is one reference even with commas in it; only a list gives several.
        string[] texts = spec.Value is string one ? [one]
            : SpecValue.TryItems(spec.Value, out var items) ? items
            : throw new FormatException($"similar needs a reference text or a list of them, not {SpecValue.Describe(spec.Value)}");
        return texts.Any(string.IsNullOrWhiteSpace)
            ? throw new FormatException("similar's reference texts must not be empty")
            : new References([.. texts.Select(Vector)], texts, threshold);
    }

    /// <inheritdoc/>
    protected override AssertionCheck Check(References arg, AssertionContext context, string output)
    {
        var answer = Vector(output);
        var (best, index) = arg.Vectors.Select((v, i) => (Cosine(answer, v), i)).MaxBy(p => p.Item1);
        var passed = Graded.Reaches(best, arg.Threshold);
        if (!Explains(context.Spec, passed))
        {
            return new AssertionCheck(best, passed, null);
        }

        var reference = FeedbackText.Quote(arg.Texts[index]);
        return new AssertionCheck(best, passed, passed
            ? $"the answer must not resemble {reference}, but its word similarity is {FeedbackText.Score(best)} (threshold {FeedbackText.Score(arg.Threshold)}) — say it differently."
            : $"the answer's word similarity to {reference} is {FeedbackText.Score(best)}, below {FeedbackText.Score(arg.Threshold)}. The answer was {FeedbackText.Quote(output)} — use the reference's terms.");
    }

    private static Dictionary<string, int> Vector(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in WordTokens.Normalize(text))
        {
            counts[word] = counts.GetValueOrDefault(word) + 1;
        }

        return counts;
    }

    private static double Cosine(Dictionary<string, int> a, Dictionary<string, int> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        double dot = 0;
        foreach (var (word, count) in a)
        {
            dot += count * (double)b.GetValueOrDefault(word);
        }

        return dot / (Norm(a) * Norm(b));
    }

    private static double Norm(Dictionary<string, int> v) => Math.Sqrt(v.Values.Sum(c => (double)c * c));
}

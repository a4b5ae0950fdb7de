namespace Evolve.Core.Scoring;

/// <summary>
/// The assertion type names Evolve understands (promptfoo's names). The suite loader rejects any
/// other name; each may be written with a <c>not-</c> prefix.
/// </summary>
public static class AssertionTypes
{
    /// <summary>Every known type, lower case, without the <c>not-</c> prefix.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "equals", "contains", "icontains", "contains-all", "contains-any", "icontains-all", "icontains-any",
        "starts-with", "regex", "is-json", "contains-json", "numeric", "levenshtein", "word-count", "f1",
        "python-tests", "javascript", "python", "is-xml", "contains-xml", "assert-set", "similar",
        "latency", "cost", "finish-reason", "tool-call-f1", "is-valid-openai-tools-call", "is-valid-openai-function-call", "is-valid-function-call",
        "is-html", "contains-html", "is-sql", "contains-sql", "is-refusal", "rouge-n", "bleu", "gleu", "meteor",
        "llm-rubric", "model-graded-closedqa", "factuality", "g-eval", "answer-relevance",
        "context-faithfulness", "context-recall", "context-relevance", "conversation-relevance",
        "select-best", "max-score", "perplexity", "perplexity-score",
    };

    /// <summary>
    /// The comparison types: decided across the answers of every prompt and model to one case (a
    /// matrix), not in each answer's own score.
    /// </summary>
    public static IReadOnlySet<string> Comparison { get; } = new HashSet<string>(StringComparer.Ordinal) { "select-best", "max-score" };

    /// <summary>The model-graded types: a suite that names one needs a judge model (<c>--judge-model</c>).</summary>
    public static IReadOnlySet<string> Judged { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "llm-rubric", "model-graded-closedqa", "factuality", "g-eval", "answer-relevance",
        "context-faithfulness", "context-recall", "context-relevance", "conversation-relevance",
    };

    /// <summary>The judged types whose value says what the answer must do (a rubric, a criterion, a reference fact): the simulator reads their words as cues.</summary>
    public static IReadOnlySet<string> JudgedByCriterion { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "llm-rubric", "model-graded-closedqa", "factuality", "g-eval", "answer-relevance",
    };

    /// <summary>
    /// promptfoo's documented types that Evolve does not score yet, each with the reason. A suite
    /// that names one still loads and runs: that assertion alone is scored as an error (0, failed,
    /// with this reason), the rest of its case and suite are scored, and validate warns about it.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Unsupported { get; } = NotScoredYet();

    private static Dictionary<string, string> NotScoredYet()
    {
        const string Judge = "needs a judge that searches the web, which Evolve's judges do not do";
        const string Service = "calls an outside service, which Evolve does not do";
        const string Metadata = "needs OpenTelemetry trace spans, which Evolve does not record per rollout yet";
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in new[]
        {
            "search-rubric",
        })
        {
            reasons[type] = Judge;
        }

        foreach (var type in new[] { "classifier", "moderation", "guardrails", "webhook", "pi" })
        {
            reasons[type] = Service;
        }

        foreach (var type in new[] { "trace-span-count", "trace-span-duration", "trace-error-spans" })
        {
            reasons[type] = Metadata;
        }

        reasons["ruby"] = "runs Ruby, which Evolve does not do";

        return reasons;
    }

    /// <summary>True when <paramref name="type"/> (without <c>not-</c>) is known.</summary>
    public static bool IsKnown(string type) => All.Contains(type);
}

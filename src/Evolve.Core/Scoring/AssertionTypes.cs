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
        "python-tests",
    };

    /// <summary>
    /// Types that a suite may name but Evolve cannot score offline yet (they need a judge model);
    /// the loader reports them with this explanation instead of "unknown".
    /// </summary>
    public static IReadOnlyDictionary<string, string> Unsupported { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["llm-rubric"] = "needs a judge model, which this version of Evolve does not have yet",
        ["model-graded-closedqa"] = "needs a judge model, which this version of Evolve does not have yet",
        ["factuality"] = "needs a judge model, which this version of Evolve does not have yet",
        ["javascript"] = "runs JavaScript, which Evolve does not do; use python-tests",
        ["similar"] = "not implemented yet",
    };

    /// <summary>True when <paramref name="type"/> (without <c>not-</c>) is known.</summary>
    public static bool IsKnown(string type) => All.Contains(type);
}

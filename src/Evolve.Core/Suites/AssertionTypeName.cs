using Evolve.Core.Scoring;

namespace Evolve.Core.Suites;

/// <summary>Resolves an assertion type as written (<c>not-icontains</c>, <c>grade</c>) to a known type.</summary>
internal static class AssertionTypeName
{
    private const string NotPrefix = "not-";

    /// <summary>promptfoo names that mean one of the types Evolve knows.</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["grade"] = "llm-rubric",
        ["similar:cosine"] = "similar",
        ["similar:dot"] = "similar",
        ["similar:euclidean"] = "similar",
    };

    /// <summary>True when <paramref name="written"/> names a known or unsupported type (so a CSV cell prefix is a type).</summary>
    public static bool IsRecognised(string written)
    {
        var (type, _) = Split(written);
        return AssertionTypes.IsKnown(type) || AssertionTypes.Unsupported.ContainsKey(type);
    }

    /// <summary>Splits off <c>not-</c>, lower-cases and applies aliases.</summary>
    public static (string Type, bool Negate) Split(string written)
    {
        var text = written.Trim().ToLowerInvariant();
        var negate = text.StartsWith(NotPrefix, StringComparison.Ordinal);
        var type = negate ? text[NotPrefix.Length..] : text;
        return (Aliases.TryGetValue(type, out var canonical) ? canonical : type, negate);
    }

    /// <summary>
    /// Returns an error message for a type nobody documents, or null for a type Evolve scores or one
    /// of promptfoo's that it does not score yet (that assertion alone is scored as an error).
    /// </summary>
    public static string? Problem(string type, string written)
    {
        if (AssertionTypes.IsKnown(type) || AssertionTypes.Unsupported.ContainsKey(type))
        {
            return null;
        }

        return $"unknown assertion type '{written}'{NameSuggestion.DidYouMean(type, AssertionTypes.All)}; "
            + $"known types: {string.Join(", ", AssertionTypes.All.Order(StringComparer.Ordinal))}";
    }
}

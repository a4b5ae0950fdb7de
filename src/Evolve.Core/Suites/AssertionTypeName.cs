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
    };

    /// <summary>Why some names that promptfoo users write are not Evolve types.</summary>
    private static readonly Dictionary<string, string> Explanations = new(StringComparer.Ordinal)
    {
        ["python"] = "promptfoo's python assertion evaluates an expression; Evolve runs test functions with python-tests",
    };

    /// <summary>True when <paramref name="written"/> names a known or unsupported type (so a CSV cell prefix is a type).</summary>
    public static bool IsRecognised(string written)
    {
        var (type, _) = Split(written);
        return AssertionTypes.IsKnown(type) || AssertionTypes.Unsupported.ContainsKey(type) || Explanations.ContainsKey(type);
    }

    /// <summary>Splits off <c>not-</c>, lower-cases and applies aliases.</summary>
    public static (string Type, bool Negate) Split(string written)
    {
        var text = written.Trim().ToLowerInvariant();
        var negate = text.StartsWith(NotPrefix, StringComparison.Ordinal);
        var type = negate ? text[NotPrefix.Length..] : text;
        return (Aliases.TryGetValue(type, out var canonical) ? canonical : type, negate);
    }

    /// <summary>Returns an error message for a type that cannot be used, or null when it can.</summary>
    public static string? Problem(string type, string written, bool allowUnsupported)
    {
        if (AssertionTypes.IsKnown(type))
        {
            return null;
        }

        if (AssertionTypes.Unsupported.TryGetValue(type, out var why))
        {
            return allowUnsupported ? null : $"assertion type '{written}' cannot be scored: {why}";
        }

        if (Explanations.TryGetValue(type, out var explanation))
        {
            return $"unknown assertion type '{written}': {explanation}";
        }

        return $"unknown assertion type '{written}'{NameSuggestion.DidYouMean(type, AssertionTypes.All)}; "
            + $"known types: {string.Join(", ", AssertionTypes.All.Order(StringComparer.Ordinal))}";
    }
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace Evolve.Core.Suites;

/// <summary>
/// Parses promptfoo's <c>__expected</c> cell grammar: <c>[not-]type[(threshold)]:value</c>. A space
/// after the colon is dropped; a cell without a recognised <c>type:</c> prefix is <c>equals</c> of
/// the whole cell; <c>grade:</c> means <c>llm-rubric</c>.
/// </summary>
internal static partial class PromptfooExpectedCell
{
    /// <summary>Types that take no value, so the bare name (<c>is-json</c>) is an assertion.</summary>
    private static readonly HashSet<string> ValueLess = new(StringComparer.Ordinal) { "is-json", "contains-json" };

    /// <summary>Types whose value is a list, written comma-separated in a cell.</summary>
    private static readonly HashSet<string> ListValued = new(StringComparer.Ordinal)
    {
        "contains-all", "contains-any", "icontains-all", "icontains-any",
    };

    /// <summary>Returns the assertion, or null for an empty cell or a cell with a problem (reported).</summary>
    public static AssertionSpec? Parse(string cell, AssertionReader reader, ErrorSink errors, string? metric, SourceLocation at, string column)
    {
        if (cell.Trim().Length == 0)
        {
            return null;
        }

        var match = CellPattern().Match(cell.Trim());
        var type = match.Groups["type"].Value;
        var recognised = match.Success && AssertionTypeName.IsRecognised(type)
            && (match.Groups["value"].Success || ValueLess.Contains(AssertionTypeName.Split(type).Type));
        if (!recognised)
        {
            return reader.Build("equals", cell, null, 1, metric, at, column);
        }

        double? threshold = null;
        if (match.Groups["threshold"].Success)
        {
            if (!double.TryParse(match.Groups["threshold"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            {
                errors.Add(at, column, $"threshold '({match.Groups["threshold"].Value})' of '{type}' is not a number");
                return null;
            }

            threshold = parsed;
        }

        object? value = match.Groups["value"].Success ? match.Groups["value"].Value.TrimStart(' ') : null;
        if (value is string text && ListValued.Contains(AssertionTypeName.Split(type).Type))
        {
            value = text.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0).ToList<object?>();
        }

        return reader.Build(type, value, threshold, 1, metric, at, column);
    }

    [GeneratedRegex(@"^(?<type>(?:not-)?[A-Za-z][A-Za-z0-9-]*)(?:\((?<threshold>[^)]*)\))?(?::(?<value>.*))?$", RegexOptions.Singleline)]
    private static partial Regex CellPattern();
}

using System.CommandLine;
using System.Text.RegularExpressions;
using Evolve.Core.Suites;

namespace Evolve.Cli;

/// <summary>
/// Rewords System.CommandLine's parse errors for people: a value that does not convert names the
/// flag and what it wants instead of a .NET type, and an unknown verb suggests the nearest one.
/// </summary>
internal static partial class ParseErrorText
{
    public static IReadOnlyList<string> Lines(ParseResult parsed)
    {
        if (parsed.CommandResult.Command is RootCommand root && parsed.Tokens.Count > 0 && parsed.Tokens[0] is { } first
            && !first.Value.StartsWith('-') && root.Subcommands.All(c => c.Name != first.Value))
        {
            var names = root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name);
            return [$"unknown command '{first.Value}'{NameSuggestion.DidYouMean(first.Value, names)}"];
        }

        return parsed.Errors.Select(e => Reword(e.Message)).Distinct().ToList();
    }

    private static string Reword(string message)
    {
        var match = CannotParse().Match(message);
        if (!match.Success)
        {
            return message;
        }

        var wanted = match.Groups["type"].Value switch
        {
            var t when t.Contains("Int32", StringComparison.Ordinal) || t.Contains("Int64", StringComparison.Ordinal) => "a whole number",
            var t when t.Contains("Double", StringComparison.Ordinal) || t.Contains("Decimal", StringComparison.Ordinal) => "a number",
            var t when t.Contains("Boolean", StringComparison.Ordinal) => "true or false",
            _ => "a valid value",
        };
        return $"{match.Groups["symbol"].Value}: '{match.Groups["value"].Value}' is not {wanted}";
    }

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (?:option|command|argument) '(?<symbol>[^']+)' as expected type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex CannotParse();
}

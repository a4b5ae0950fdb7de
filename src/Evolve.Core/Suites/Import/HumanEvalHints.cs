using System.Text.RegularExpressions;

namespace Evolve.Core.Suites.Import;

/// <summary>
/// Hints for an imported HumanEval problem, read from the prose of its prompt's docstring: the edge
/// cases it names (empty input, negative numbers, letter case, sorted order, ...). HumanEval has no
/// hints and its <c>check(candidate)</c> has no test names, so without these a case's only cue would
/// be the tag "humaneval" and the simulator could not reward a prompt for learning anything. The
/// phrases are shared across problems, so what a prompt learns on train can carry to holdout.
/// </summary>
internal static partial class HumanEvalHints
{
    /// <summary>Most hints one problem gets, in table order.</summary>
    public const int MaxHints = 5;

    private static readonly (Regex Pattern, string Hint)[] EdgeCases =
    [
        (Words(@"empty"), "empty input"),
        (Words(@"negative"), "negative numbers"),
        (Words(@"positive"), "positive numbers"),
        (Words(@"zero"), "zero"),
        (Words(@"duplicat\w*|repeat\w*"), "duplicates"),
        (Words(@"unique|distinct"), "unique values"),
        (Words(@"sort\w*|ascending|descending|increas\w*|decreas\w*|monoton\w*"), "sorted order"),
        (Words(@"order"), "order kept"),
        (Words(@"upper\w*|lower\w*|case"), "letter case"),
        (Words(@"spaces?|whitespaces?"), "spaces"),
        (Words(@"round\w*"), "rounding"),
        (Words(@"none"), "none result"),
        (Words(@"odd"), "odd numbers"),
        (Words(@"even"), "even numbers"),
        (Words(@"primes?"), "prime numbers"),
        (Words(@"vowels?"), "vowels"),
        (Words(@"float\w*|decimal\w*"), "floats"),
        (Words(@"digits?"), "digits"),
        (Words(@"brackets?|parenthes\w*"), "brackets"),
        (Words(@"palindrom\w*"), "palindromes"),
        (Words(@"punctuation|special characters?"), "punctuation"),
        (Words(@"largest|smallest|maximum|minimum|max|min"), "largest and smallest"),
        (Words(@"no such|if there is no|does not exist|doesn't exist|return -1"), "nothing found"),
        (Words(@"words?"), "words"),
        (Words(@"leading|trailing"), "leading and trailing"),
        (Words(@"equal|ties?"), "ties and equal values"),
        (Words(@"encod\w*|encrypt\w*|decod\w*|shift\w*|rotat\w*|cycl\w*"), "encoding shifts"),
        (Words(@"fib\w*"), "sequence start values"),
        (Words(@"base"), "number base"),
        (Words(@"modulo|numerics|large"), "large numbers"),
        (Words(@"threshold|below|above|less than|greater than"), "boundaries"),
        (Words(@"median|average|mean"), "averages"),
        (Words(@"index|indices|indexes"), "indexes"),
        (Words(@"power|cube|square\w*"), "powers"),
    ];

    /// <summary>Up to <see cref="MaxHints"/> edge-case hints the docstring's prose names; none when it has no docstring.</summary>
    public static IReadOnlyList<string> FromPrompt(string prompt)
    {
        var prose = Prose(prompt);
        return [.. EdgeCases.Where(e => e.Pattern.IsMatch(prose)).Select(e => e.Hint).Distinct(StringComparer.Ordinal).Take(MaxHints)];
    }

    /// <summary>
    /// The docstring in lower case without its examples: a <c>&gt;&gt;&gt;</c> line and the output
    /// lines under it, and one-line examples like <c>f(3) ==&gt; 6</c>, which name values, not cases.
    /// </summary>
    internal static string Prose(string prompt)
    {
        var docstring = Docstring().Match(prompt);
        if (!docstring.Success)
        {
            return string.Empty;
        }

        var kept = new List<string>();
        var inExample = false;
        foreach (var line in docstring.Groups["body"].Value.Split('\n').Select(l => l.Trim()))
        {
            if (line.StartsWith(">>>", StringComparison.Ordinal))
            {
                inExample = true;
                continue;
            }

            inExample = inExample && line.Length > 0;
            if (!inExample && !OneLineExample().IsMatch(line))
            {
                kept.Add(line);
            }
        }

        return string.Join(' ', kept).ToLowerInvariant();
    }

    private static Regex Words(string alternatives) =>
        new($@"\b(?:{alternatives})\b", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    [GeneratedRegex("(?<quote>\"\"\"|''')(?<body>.*?)\\k<quote>", RegexOptions.Singleline)]
    private static partial Regex Docstring();

    [GeneratedRegex(@"==>|=>|➞|^\w+\(.*\)\s*(==|=|->)")]
    private static partial Regex OneLineExample();
}

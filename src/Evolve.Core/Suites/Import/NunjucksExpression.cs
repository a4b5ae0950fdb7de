using System.Text;
using System.Text.RegularExpressions;

namespace Evolve.Core.Suites.Import;

/// <summary>
/// Converts one Nunjucks expression to Scriban: filters <c>x | f(a, b)</c> become <c>x | scriban.f a b</c>,
/// <c>~</c> becomes <c>+</c>, <c>none</c> becomes <c>null</c>, and <c>loop.*</c> becomes <c>for.*</c>.
/// A filter without an equivalent is left in place as a Scriban comment, which parses and shows
/// the reader what is missing, and is reported.
/// </summary>
internal sealed partial class NunjucksExpression(Action<string?, string> report)
{
    public string Convert(string expression)
    {
        var segments = SplitTopLevel(expression, '|');
        var output = new StringBuilder(ConvertOperand(segments[0].Trim()));
        foreach (var segment in segments.Skip(1))
        {
            var filter = segment.Trim();
            var open = filter.IndexOf('(', StringComparison.Ordinal);
            var name = (open < 0 ? filter : filter[..open]).Trim();
            var args = open < 0 || !filter.EndsWith(')') ? [] : SplitTopLevel(filter[(open + 1)..^1], ',')
                .Select(a => a.Trim()).Where(a => a.Length > 0).ToList();
            if (NunjucksFilters.ToScriban.TryGetValue(name, out var function))
            {
                if (function.Length > 0)
                {
                    output.Append(" | ").Append(function);
                    foreach (var arg in args)
                    {
                        var converted = Convert(arg);
                        output.Append(' ').Append(SimpleArgument().IsMatch(converted) ? converted : $"({converted})");
                    }
                }
            }
            else
            {
                report(name, $"the Nunjucks filter '{name}' has no Scriban equivalent; it is kept as a comment in the template and must be replaced by hand");
                output.Append(" ## nunjucks filter not converted: ").Append(Sanitise(filter)).Append(" ##");
            }
        }

        return output.ToString();
    }

    /// <summary>Converts an operand, recursing into parentheses so that <c>(x | load).y</c> is handled.</summary>
    private string ConvertOperand(string operand)
    {
        if (InlineIf().IsMatch(operand))
        {
            report(null, "an inline 'a if b else c' expression has no direct Scriban form; rewrite it with {{ if }} ... {{ end }}");
        }

        var output = new StringBuilder();
        for (var i = 0; i < operand.Length; i++)
        {
            var c = operand[i];
            if (c is '"' or '\'')
            {
                var end = EndOfString(operand, i);
                output.Append(operand, i, end - i + 1);
                i = end;
            }
            else if (c == '(')
            {
                var close = Matching(operand, i);
                if (close < 0)
                {
                    output.Append(operand, i, operand.Length - i);
                    break;
                }

                output.Append('(').Append(Convert(operand[(i + 1)..close])).Append(')');
                i = close;
            }
            else
            {
                var start = i;
                while (i + 1 < operand.Length && operand[i + 1] is not ('"' or '\'' or '('))
                {
                    i++;
                }

                output.Append(Words(operand[start..(i + 1)]));
            }
        }

        return output.ToString();
    }

    private string Words(string code)
    {
        foreach (Match loop in LoopReference().Matches(code))
        {
            if (loop.Groups[1].Value is not ("index" or "index0" or "first" or "last"))
            {
                report($"loop.{loop.Groups[1].Value}", $"'loop.{loop.Groups[1].Value}' has no Scriban equivalent in a for loop");
            }
        }

        code = LoopReference().Replace(code, m => m.Groups[1].Value switch
        {
            "index" => "(for.index + 1)",
            "index0" => "for.index",
            "first" => "for.first",
            "last" => "for.last",
            _ => m.Value,
        });
        code = NoneLiteral().Replace(code, "null");
        return code.Replace("~", "+", StringComparison.Ordinal);
    }

    internal static string Sanitise(string text) => text.Replace("##", "# #", StringComparison.Ordinal).Replace("}}", "} }", StringComparison.Ordinal);

    internal static List<string> SplitTopLevel(string text, char separator)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '"' or '\'':
                    i = EndOfString(text, i);
                    break;
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']' or '}':
                    depth--;
                    break;
                default:
                    if (text[i] == separator && depth == 0)
                    {
                        parts.Add(text[start..i]);
                        start = i + 1;
                    }

                    break;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }

    private static int EndOfString(string text, int open)
    {
        for (var i = open + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == text[open])
            {
                return i;
            }
        }

        return text.Length - 1;
    }

    private static int Matching(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            if (text[i] is '"' or '\'')
            {
                i = EndOfString(text, i);
            }
            else if (text[i] == '(')
            {
                depth++;
            }
            else if (text[i] == ')' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"\bloop\.([A-Za-z0-9_]+)")]
    private static partial Regex LoopReference();

    [GeneratedRegex(@"^(""[^""]*""|'[^']*'|[\w.+-]+)$")]
    private static partial Regex SimpleArgument();

    [GeneratedRegex(@"\bnone\b")]
    private static partial Regex NoneLiteral();

    [GeneratedRegex(@"\sif\s.+\selse\s")]
    private static partial Regex InlineIf();
}

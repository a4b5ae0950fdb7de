using System.Text;
using System.Text.RegularExpressions;

namespace Evolve.Core.Suites.Import;

/// <summary>
/// Converts a Nunjucks prompt (promptfoo's template language) to Scriban. <c>{{ x }}</c> stays;
/// filters map as <see cref="NunjucksFilters"/> says; <c>if/elif/else/endif</c>, <c>for x in xs</c>,
/// <c>set</c>, <c>raw</c> and comments convert. Anything else is reported with its line and left
/// in the template as a Scriban comment, so the result always parses and nothing disappears unseen.
/// </summary>
internal sealed partial class NunjucksConverter(string file, int firstLine, Action<string, int, string?, string> warn)
{
    /// <summary>Open blocks: true when the opening tag was converted, false when it was kept as a comment.</summary>
    private readonly Stack<bool> _blocks = new();
    private int _line;

    public string Convert(string template)
    {
        var output = new StringBuilder();
        var i = 0;
        while (i < template.Length)
        {
            var open = NextOpening(template, i);
            if (open < 0)
            {
                output.Append(template, i, template.Length - i);
                break;
            }

            output.Append(template, i, open - i);
            _line = firstLine + Lines(template, 0, open);
            var kind = template[open + 1];
            var closer = kind switch { '{' => "}}", '%' => "%}", _ => "#}" };
            var close = template.IndexOf(closer, open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                Warn(null, $"'{{{kind}' is never closed with '{closer}'; the rest of the template is kept as text");
                output.Append(template, open, template.Length - open);
                break;
            }

            var inner = template[(open + 2)..close];
            var (trimLeft, trimRight) = (inner.StartsWith('-'), inner.EndsWith('-'));
            var body = inner[(trimLeft ? 1 : 0)..(inner.Length - (trimRight ? 1 : 0))].Trim();
            var (left, right) = (trimLeft ? "{{-" : "{{", trimRight ? "-}}" : "}}");
            i = close + 2;
            switch (kind)
            {
                case '#':
                    output.Append("{{## ").Append(NunjucksExpression.Sanitise(inner.Trim())).Append(" ##}}");
                    break;
                case '{':
                    output.Append(left).Append(' ').Append(Expression(body)).Append(' ').Append(right);
                    break;
                default:
                    i = Tag(template, body, left, right, i, output);
                    break;
            }
        }

        return output.ToString();
    }

    /// <summary>Converts a <c>{% tag %}</c>; returns where to continue (after <c>endraw</c> for a raw block).</summary>
    private int Tag(string template, string body, string left, string right, int next, StringBuilder output)
    {
        var name = body.Split(' ', 2)[0];
        var rest = body.Length > name.Length ? body[name.Length..].Trim() : string.Empty;
        var converted = _blocks.Count == 0 || _blocks.Peek();
        switch (name)
        {
            case "if":
                _blocks.Push(true);
                output.Append(left).Append(" if ").Append(Expression(rest)).Append(' ').Append(right);
                return next;
            case "elif" or "elseif" when converted:
                output.Append(left).Append(" else if ").Append(Expression(rest)).Append(' ').Append(right);
                return next;
            case "else" when converted:
                output.Append(left).Append(" else ").Append(right);
                return next;
            case "endif" or "endfor" when converted && _blocks.Count > 0:
                _blocks.Pop();
                output.Append(left).Append(" end ").Append(right);
                return next;
            case "for" when ForHeader().Match(rest) is { Success: true } loop:
                _blocks.Push(true);
                output.Append(left).Append(" for ").Append(loop.Groups[1].Value).Append(" in ")
                    .Append(Expression(loop.Groups[2].Value)).Append(' ').Append(right);
                return next;
            case "set" when SetStatement().Match(rest) is { Success: true } set:
                output.Append(left).Append(' ').Append(set.Groups[1].Value).Append(" = ")
                    .Append(Expression(set.Groups[2].Value)).Append(' ').Append(right);
                return next;
            case "raw":
                var end = RawEnd().Match(template, next);
                var stop = end.Success ? end.Index : template.Length;
                output.Append("{%{").Append(template, next, stop - next).Append("}%}");
                return end.Success ? end.Index + end.Length : template.Length;
        }

        // Not converted: a block opener's end tag must be kept as a comment too, so blocks stay balanced.
        if (name is "for" or "macro" or "call" or "filter" or "block" or "set")
        {
            _blocks.Push(false);
        }
        else if (name.StartsWith("end", StringComparison.Ordinal) && _blocks.Count > 0)
        {
            _blocks.Pop();
        }

        Warn(name, $"the Nunjucks tag '{{% {body} %}}' was not converted; it is kept as a comment in the template and must be rewritten by hand");
        output.Append("{{## nunjucks tag not converted: {% ").Append(NunjucksExpression.Sanitise(body)).Append(" %} ##}}");
        return next;
    }

    private string Expression(string expression) =>
        new NunjucksExpression((field, message) => Warn(field, message)).Convert(expression);

    private void Warn(string? field, string message) => warn(file, _line, field, message);

    private static int NextOpening(string text, int from)
    {
        for (var i = text.IndexOf('{', from); i >= 0 && i + 1 < text.Length; i = text.IndexOf('{', i + 1))
        {
            if (text[i + 1] is '{' or '%' or '#')
            {
                return i;
            }
        }

        return -1;
    }

    private static int Lines(string text, int from, int to)
    {
        var count = 0;
        for (var i = from; i < to; i++)
        {
            if (text[i] == '\n')
            {
                count++;
            }
        }

        return count;
    }

    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_]*)\s+in\s+(.+)$", RegexOptions.Singleline)]
    private static partial Regex ForHeader();

    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.+)$", RegexOptions.Singleline)]
    private static partial Regex SetStatement();

    [GeneratedRegex(@"\{%-?\s*endraw\s*-?%\}")]
    private static partial Regex RawEnd();
}

using System.Text.RegularExpressions;

namespace Evolve.Kernel.Providers.Sim;

/// <summary>
/// The individual edits <see cref="PythonCorruptor"/> chooses from. Each finds every place it
/// applies (in code, not in strings or comments), picks one with the digest, and returns the
/// edited source, or null when it does not apply.
/// </summary>
internal static partial class PythonMutations
{
    private readonly record struct Site(int Line, int Column, int Length, string Replacement);

    public static string? FlipComparison(PythonSourceMask source, ulong pick)
    {
        var sites = new List<Site>();
        for (var line = 0; line < source.Masks.Count; line++)
        {
            var m = source.Masks[line];
            for (var i = 0; i < m.Length; i++)
            {
                var two = i + 1 < m.Length ? m.AsSpan(i, 2) : [];
                string? replacement = two switch
                {
                    "<=" => "<",
                    ">=" => ">",
                    "==" => "!=",
                    "!=" => "==",
                    _ => null,
                };
                if (replacement is not null)
                {
                    sites.Add(new Site(line, i, 2, replacement));
                    i++;
                    continue;
                }

                var prev = i > 0 ? m[i - 1] : ' ';
                var next = i + 1 < m.Length ? m[i + 1] : ' ';
                if (m[i] is '<' or '>' && prev is not ('-' or '<' or '>' or '=') && next is not ('<' or '>' or '='))
                {
                    sites.Add(new Site(line, i, 1, m[i] == '<' ? "<=" : ">="));
                }
            }
        }

        return Apply(source, sites, pick);
    }

    public static string? OffByOne(PythonSourceMask source, ulong pick)
    {
        var sites = new List<Site>();
        for (var line = 0; line < source.Masks.Count; line++)
        {
            var m = source.Masks[line];
            foreach (Match match in RangeCall().Matches(m))
            {
                var close = ClosingParen(m, match.Index + match.Length - 1);
                if (close > 0 && TopLevelCommas(m, match.Index + match.Length, close) <= 1)
                {
                    sites.Add(new Site(line, close, 0, " - 1"));
                }
            }

            foreach (Match match in PlusMinusOne().Matches(m))
            {
                sites.Add(new Site(line, match.Index, match.Length, match.Value[..^1] + "2"));
            }
        }

        return Apply(source, sites, pick);
    }

    public static string? SwapBoolean(PythonSourceMask source, ulong pick)
    {
        var sites = new List<Site>();
        for (var line = 0; line < source.Masks.Count; line++)
        {
            foreach (Match match in AndOr().Matches(source.Masks[line]))
            {
                sites.Add(new Site(line, match.Index, match.Length, match.Value == "and" ? "or" : "and"));
            }
        }

        return Apply(source, sites, pick);
    }

    public static string? ReturnWrongName(PythonSourceMask source, ulong pick)
    {
        var sites = new List<Site>();
        var names = new List<string>();
        for (var line = 0; line < source.Masks.Count; line++)
        {
            var m = source.Masks[line];
            if (DefHeader().Match(m) is { Success: true } def)
            {
                names.Clear();
                foreach (var parameter in def.Groups[1].Value.Split(','))
                {
                    var name = parameter.Split(':', '=')[0].Trim().TrimStart('*');
                    if (name.Length > 0 && name != "self")
                    {
                        names.Add(name);
                    }
                }
            }
            else if (Assignment().Match(m) is { Success: true } assignment && !names.Contains(assignment.Groups[1].Value))
            {
                names.Add(assignment.Groups[1].Value);
            }
            else if (ReturnName().Match(m) is { Success: true } ret)
            {
                var current = ret.Groups[1].Value;
                if (current is "True" or "False" or "None")
                {
                    continue;
                }

                var others = names.Where(n => n != current).ToList();
                if (others.Count > 0)
                {
                    var other = others[(int)(pick % (ulong)others.Count)];
                    sites.Add(new Site(line, ret.Groups[1].Index, current.Length, other));
                }
            }
        }

        return Apply(source, sites, pick);
    }

    private static string? Apply(PythonSourceMask source, List<Site> sites, ulong pick)
    {
        if (sites.Count == 0)
        {
            return null;
        }

        var site = sites[(int)(pick % (ulong)sites.Count)];
        var text = source.Lines[site.Line];
        source.Lines[site.Line] = string.Concat(text.AsSpan(0, site.Column), site.Replacement, text.AsSpan(site.Column + site.Length));
        return source.Render();
    }

    private static int ClosingParen(string mask, int open)
    {
        var depth = 0;
        for (var i = open; i < mask.Length; i++)
        {
            depth += mask[i] switch { '(' or '[' or '{' => 1, ')' or ']' or '}' => -1, _ => 0 };
            if (depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static int TopLevelCommas(string mask, int from, int to)
    {
        int depth = 0, commas = 0;
        for (var i = from; i < to; i++)
        {
            depth += mask[i] switch { '(' or '[' or '{' => 1, ')' or ']' or '}' => -1, _ => 0 };
            commas += depth == 0 && mask[i] == ',' ? 1 : 0;
        }

        return commas;
    }

    [GeneratedRegex(@"\brange\(")]
    private static partial Regex RangeCall();

    [GeneratedRegex(@"[+-] 1(?![\d.\w])")]
    private static partial Regex PlusMinusOne();

    [GeneratedRegex(@"\b(and|or)\b")]
    private static partial Regex AndOr();

    [GeneratedRegex(@"^\s*(?:async\s+)?def\s+\w+\s*\((.*)\)")]
    private static partial Regex DefHeader();

    [GeneratedRegex(@"^\s*([A-Za-z_]\w*)\s*(?:[+\-*/]?=)(?!=)")]
    private static partial Regex Assignment();

    [GeneratedRegex(@"^\s*return\s+([A-Za-z_]\w*)\s*$")]
    private static partial Regex ReturnName();
}

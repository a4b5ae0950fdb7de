namespace Evolve.Kernel.Agents.Safety;

/// <summary>Quotes, escapes and substitutions: the parts of shell syntax that hide words from a naive split.</summary>
internal sealed partial class ShellParser
{
    private void DoubleQuoted()
    {
        var start = _i;
        _wordStarted = true;
        for (_i++; _i < _text.Length; _i++)
        {
            var c = _text[_i];
            if (c == '"')
            {
                return;
            }

            if (c == '\\' && Next is '"' or '\\' or '$' or '`' or '\n')
            {
                _i++;
                if (_text[_i] != '\n')
                {
                    _word.Append(_text[_i]);
                }
            }
            else if (c == '$' && Next == '(')
            {
                _i++;
                Substitution(Balanced('(', ')'), "$(");
            }
            else if (c == '`')
            {
                Substitution(Until('`'), "`");
            }
            else
            {
                _word.Append(c);
            }
        }

        throw new FormatException($"unbalanced double quote at column {start + 1}");
    }

    private void Escape()
    {
        if (Next is { } escaped)
        {
            _i++;
            if (escaped != '\n')
            {
                Append(escaped.ToString());
            }
        }
        else
        {
            Append("\\");
        }
    }

    private void Substitution(string body, string opener)
    {
        _substitutions.Add(body);
        Append(opener + body + (opener == "`" ? "`" : ")"));
    }

    /// <summary>Reads up to the closing <paramref name="close"/> (the current char is the opener); quotes inside are skipped.</summary>
    private string Balanced(char open, char close)
    {
        var start = _i;
        var depth = 1;
        char? quote = null;
        for (_i++; _i < _text.Length; _i++)
        {
            var c = _text[_i];
            if (quote is { } q)
            {
                if (c == q)
                {
                    quote = null;
                }
                else if (c == '\\' && q == '"')
                {
                    _i++;
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '\\')
            {
                _i++;
            }
            else if (c == open)
            {
                depth++;
            }
            else if (c == close && --depth == 0)
            {
                return _text[(start + 1).._i];
            }
        }

        throw new FormatException($"unbalanced '{open}' at column {start + 1}");
    }

    private string Until(char close)
    {
        var start = _i;
        var end = _text.IndexOf(close, _i + 1);
        if (end < 0)
        {
            throw new FormatException($"unbalanced {close} at column {start + 1}");
        }

        _i = end;
        _wordStarted = true;
        return _text[(start + 1)..end];
    }
}

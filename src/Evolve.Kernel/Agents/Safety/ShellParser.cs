using System.Text;

namespace Evolve.Kernel.Agents.Safety;

/// <summary>
/// A small POSIX-shell reader for the safety guard: enough to see commands the way the shell will
/// (quotes and escapes removed, operators split, redirections and substitutions found), not to run
/// them. Anything it cannot read (an unbalanced quote or parenthesis) is an error, which the guard
/// turns into a denial.
/// </summary>
internal sealed partial class ShellParser
{
    private readonly string _text;
    private readonly List<IReadOnlyList<SimpleCommand>> _pipelines = [];
    private readonly List<string> _substitutions = [];
    private readonly List<SimpleCommand> _pipeline = [];
    private readonly List<string> _args = [];
    private readonly List<string> _outputs = [];
    private readonly StringBuilder _word = new();
    private bool _wordStarted;
    private Redirect _pending;
    private int _i;

    private ShellParser(string text) => _text = text;

    private enum Redirect
    {
        None,
        Output,
        Input,
    }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> saying what is unbalanced.</summary>
    public static ShellParse Parse(string text)
    {
        var parser = new ShellParser(text);
        parser.Run();
        return new ShellParse(parser._pipelines, parser._substitutions);
    }

    private char? Next => _i + 1 < _text.Length ? _text[_i + 1] : null;

    private void Run()
    {
        for (_i = 0; _i < _text.Length; _i++)
        {
            var c = _text[_i];
            switch (c)
            {
                case ' ' or '\t' or '\r':
                    EndWord();
                    break;
                case '\n' or ';' or '(' or ')':
                    EndPipeline();
                    break;
                case '&' when Next == '>':
                    EndWord();
                    _i++;
                    _pending = Redirect.Output;
                    break;
                case '&':
                    if (Next == '&')
                    {
                        _i++;
                    }

                    EndPipeline();
                    break;
                case '|':
                    if (Next == '|')
                    {
                        _i++;
                        EndPipeline();
                    }
                    else
                    {
                        if (Next == '&')
                        {
                            _i++;
                        }

                        EndCommand();
                    }

                    break;
                case '>':
                    OutputRedirect();
                    break;
                case '<' when Next == '(':
                    _i++;
                    Substitution(Balanced('(', ')'), "<(");
                    break;
                case '<':
                    EndWord();
                    while (Next is '<' or '-' or '>')
                    {
                        _i++;
                    }

                    _pending = Redirect.Input;
                    break;
                case '\'':
                    Append(Until('\''));
                    break;
                case '"':
                    DoubleQuoted();
                    break;
                case '\\':
                    Escape();
                    break;
                case '$' when Next == '(':
                    _i++;
                    Substitution(Balanced('(', ')'), "$(");
                    break;
                case '`':
                    Substitution(Until('`'), "`");
                    break;
                case '#' when !_wordStarted:
                    while (_i + 1 < _text.Length && _text[_i + 1] != '\n')
                    {
                        _i++;
                    }

                    break;
                default:
                    Append(c.ToString());
                    break;
            }
        }

        EndPipeline();
    }

    private void OutputRedirect()
    {
        // A word of digits right before > is a file descriptor (2>file), not an argument.
        if (_wordStarted && _word.Length > 0 && _word.ToString().All(char.IsAsciiDigit))
        {
            _word.Clear();
            _wordStarted = false;
        }

        EndWord();
        if (Next is '>' or '|')
        {
            _i++;
        }

        if (Next == '&')
        {
            // >&2 duplicates a descriptor; there is no file to write.
            _i++;
            while (Next is { } d && char.IsAsciiDigit(d))
            {
                _i++;
            }

            return;
        }

        _pending = Redirect.Output;
    }

    private void Append(string text)
    {
        _word.Append(text);
        _wordStarted = true;
    }

    private void EndWord()
    {
        if (!_wordStarted)
        {
            return;
        }

        var word = _word.ToString();
        switch (_pending)
        {
            case Redirect.Output:
                _outputs.Add(word);
                break;
            case Redirect.None:
                _args.Add(word);
                break;
        }

        _pending = Redirect.None;
        _word.Clear();
        _wordStarted = false;
    }

    private void EndCommand()
    {
        EndWord();
        if (_args.Count > 0 || _outputs.Count > 0)
        {
            _pipeline.Add(new SimpleCommand([.. _args], [.. _outputs]));
        }

        _args.Clear();
        _outputs.Clear();
        _pending = Redirect.None;
    }

    private void EndPipeline()
    {
        EndCommand();
        if (_pipeline.Count > 0)
        {
            _pipelines.Add([.. _pipeline]);
        }

        _pipeline.Clear();
    }
}

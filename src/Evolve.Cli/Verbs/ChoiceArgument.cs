using System.CommandLine;

namespace Evolve.Cli.Verbs;

/// <summary>A positional argument that is one of a few names, checked as <see cref="ChoiceOption{T}"/> checks a flag.</summary>
internal sealed class ChoiceArgument<T>
{
    private readonly ChoiceNames<T> _names;

    public ChoiceArgument(string name, string description, IReadOnlyList<(string Name, T Value)> choices)
    {
        _names = new ChoiceNames<T>(choices);
        Argument = new Argument<string>(name) { Description = description, HelpName = _names.HelpName };
        Argument.Validators.Add(result => _names.Check(result, name, result.GetValueOrDefault<string>()));
    }

    /// <summary>The argument to add to a command.</summary>
    public Argument<string> Argument { get; }

    /// <summary>The chosen value (validation has already rejected anything else).</summary>
    public T GetValue(ParseResult parse) =>
        _names.TryGet(parse.GetValue(Argument)!, out var value) ? value : throw new InvalidOperationException($"{Argument.Name} was not validated");
}

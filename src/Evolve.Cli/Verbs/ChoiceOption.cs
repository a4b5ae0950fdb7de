using System.CommandLine;

namespace Evolve.Cli.Verbs;

/// <summary>
/// A flag whose value is one of a few lower-case names, each meaning a <typeparamref name="T"/>:
/// help lists the names as the README writes them, any case is accepted, and a wrong value is
/// one line naming the flag and the choices, never a .NET type.
/// </summary>
internal sealed class ChoiceOption<T>
{
    private readonly ChoiceNames<T> _names;

    // A null defaultName is a filter flag that may be left out (see TryGetValue).
    public ChoiceOption(string name, string description, string? defaultName, IReadOnlyList<(string Name, T Value)> choices, params string[] aliases)
    {
        _names = new ChoiceNames<T>(choices);
        Option = new Option<string>(name, aliases) { Description = description, HelpName = _names.HelpName };
        if (defaultName is not null)
        {
            Option.DefaultValueFactory = _ => defaultName;
        }

        Option.Validators.Add(result => _names.Check(result, name, result.GetValueOrDefault<string>()));
    }

    /// <summary>The option to add to a command.</summary>
    public Option<string> Option { get; }

    /// <summary>The chosen value (validation has already rejected anything else).</summary>
    public T GetValue(ParseResult parse) =>
        _names.TryGet(parse.GetValue(Option)!, out var value) ? value : throw new InvalidOperationException($"{Option.Name} was not validated");

    /// <summary>The chosen value, or false when the flag was left out (only possible without a default).</summary>
    public bool TryGetValue(ParseResult parse, out T value)
    {
        value = default!;
        return parse.GetValue(Option) is { } written && _names.TryGet(written, out value);
    }
}

using System.CommandLine;

namespace Evolve.Cli.Verbs;

/// <summary>
/// A flag whose value is one of a few lower-case names, each meaning a <typeparamref name="T"/>:
/// help lists the names as the README writes them, any case is accepted, and a wrong value is
/// one line naming the flag and the choices, never a .NET type.
/// </summary>
internal sealed class ChoiceOption<T>
{
    private readonly IReadOnlyList<(string Name, T Value)> _choices;

    // A null defaultName is a filter flag that may be left out (see TryGetValue).
    public ChoiceOption(string name, string description, string? defaultName, IReadOnlyList<(string Name, T Value)> choices, params string[] aliases)
    {
        _choices = choices;
        var names = choices.Select(c => c.Name).ToList();
        Option = new Option<string>(name, aliases)
        {
            Description = description,
            HelpName = string.Join('|', names),
        };
        if (defaultName is not null)
        {
            Option.DefaultValueFactory = _ => defaultName;
        }

        Option.Validators.Add(result =>
        {
            var written = result.GetValueOrDefault<string>();
            if (written is not null && !TryGet(written, out _))
            {
                result.AddError($"{name}: must be {Listed(names)}, not '{written}'");
            }
        });
    }

    /// <summary>The option to add to a command.</summary>
    public Option<string> Option { get; }

    /// <summary>The chosen value (validation has already rejected anything else).</summary>
    public T GetValue(ParseResult parse) =>
        TryGet(parse.GetValue(Option)!, out var value) ? value : throw new InvalidOperationException($"{Option.Name} was not validated");

    /// <summary>The chosen value, or false when the flag was left out (only possible without a default).</summary>
    public bool TryGetValue(ParseResult parse, out T value)
    {
        value = default!;
        return parse.GetValue(Option) is { } written && TryGet(written, out value);
    }

    /// <summary>"a, b or c".</summary>
    public static string Listed(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : $"{string.Join(", ", names.Take(names.Count - 1))} or {names[^1]}";

    private bool TryGet(string written, out T value)
    {
        foreach (var (name, choice) in _choices)
        {
            if (string.Equals(name, written.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = choice;
                return true;
            }
        }

        value = default!;
        return false;
    }
}

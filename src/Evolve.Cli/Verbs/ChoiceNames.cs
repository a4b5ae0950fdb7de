namespace Evolve.Cli.Verbs;

/// <summary>
/// The lower-case names a flag or argument accepts, each meaning a <typeparamref name="T"/>; any
/// case is accepted. Shared by <see cref="ChoiceOption{T}"/> and <see cref="ChoiceArgument{T}"/> so
/// every choice speaks with one wording.
/// </summary>
internal sealed class ChoiceNames<T>(IReadOnlyList<(string Name, T Value)> choices)
{
    /// <summary>The names in the order help lists them.</summary>
    public IReadOnlyList<string> Names { get; } = [.. choices.Select(c => c.Name)];

    /// <summary>"a|b|c", for help.</summary>
    public string HelpName => string.Join('|', Names);

    /// <summary>The one-line error for a wrong value, or null when <paramref name="written"/> is a choice.</summary>
    public string? Problem(string label, string? written) =>
        written is null || TryGet(written, out _) ? null : $"{label}: must be {Listed(Names)}, not '{written}'";

    /// <summary>Adds <see cref="Problem"/>'s error to <paramref name="result"/> when <paramref name="written"/> is not a choice.</summary>
    public void Check(System.CommandLine.Parsing.SymbolResult result, string label, string? written)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (Problem(label, written) is { } problem)
        {
            result.AddError(problem);
        }
    }

    /// <summary>The value of <paramref name="written"/>; false when it is none of the names.</summary>
    public bool TryGet(string written, out T value)
    {
        foreach (var (name, choice) in choices)
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

    /// <summary>"a, b or c".</summary>
    public static string Listed(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : $"{string.Join(", ", names.Take(names.Count - 1))} or {names[^1]}";
}

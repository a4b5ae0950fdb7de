namespace Evolve.Kernel.Prompts;

/// <summary>
/// A Markdown fence line: up to three spaces, three or more backticks, then an optional info string
/// (its first word is the language). Every reader of fenced blocks lexes lines with this one.
/// </summary>
/// <param name="Ticks">The number of backticks.</param>
/// <param name="Info">The info string after them, trimmed; empty for a bare fence.</param>
public readonly record struct FenceLine(int Ticks, string Info)
{
    /// <summary>False when the info string holds a backtick: then, as in CommonMark, the line opens nothing.</summary>
    public bool CanOpen => !Info.Contains('`', StringComparison.Ordinal);

    /// <summary>The info string's first word (<c>python</c> of <c>python title=a.py</c>); empty for a bare fence.</summary>
    public string Language => Info.Split([' ', '\t'], 2)[0];

    /// <summary>The fence line <paramref name="line"/> is, or null when it is not one.</summary>
    public static FenceLine? Read(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var indent = line.Length - line.TrimStart(' ').Length;
        if (indent > 3)
        {
            return null;
        }

        var ticks = 0;
        while (indent + ticks < line.Length && line[indent + ticks] == '`')
        {
            ticks++;
        }

        return ticks < 3 ? null : new FenceLine(ticks, line[(indent + ticks)..].Trim());
    }

    /// <summary>True when this line closes a block opened by <paramref name="openingTicks"/> backticks: bare and at least as long.</summary>
    public bool Closes(int openingTicks) => Info.Length == 0 && Ticks >= openingTicks;
}

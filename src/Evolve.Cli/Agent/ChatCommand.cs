namespace Evolve.Cli.Agent;

/// <summary>A line of <c>agent chat</c> that is a command for the CLI, with what the CLI says back.</summary>
/// <param name="Reply">What to print (to standard error, beside the prompts).</param>
internal sealed record ChatCommand(string Reply)
{
    private static readonly (string Name, string Does)[] Commands =
    [
        (ChatLoop.HelpCommand, "list these commands"),
        (ChatLoop.ExitCommand, "end the chat (as do Ctrl+C at the prompt and the end of input)"),
    ];

    /// <summary>
    /// The command <paramref name="line"/> is, or null for a message to the agent. <c>/exit</c> is
    /// handled by the loop itself; <c>/help</c> lists the commands; any other <c>/word</c> is an unknown command.
    /// </summary>
    public static ChatCommand? Parse(string line)
    {
        var word = line.Trim().Split(' ', 2)[0];
        if (word.Length < 2 || word[0] != '/' || !word[1..].All(char.IsAsciiLetterOrDigit))
        {
            return null;
        }

        return word == ChatLoop.HelpCommand
            ? new ChatCommand("commands:" + string.Concat(Commands.Select(c => $"{Environment.NewLine}  {c.Name,-6} {c.Does}")))
            : new ChatCommand($"unknown command {word}; {ChatLoop.HelpCommand} lists the commands");
    }
}

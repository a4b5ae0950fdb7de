namespace Evolve.Cli.Agent;

/// <summary><c>evolve agent chat</c>: one session that answers each input line and keeps the conversation.</summary>
internal static class ChatLoop
{
    /// <summary>The line that ends the chat (as do the end of input and Ctrl+C at the prompt).</summary>
    public const string ExitCommand = "/exit";

    /// <summary>The line that lists the commands.</summary>
    public const string HelpCommand = "/help";

    /// <summary>
    /// Reads lines until EOF, <c>/exit</c> or cancellation while waiting for a line; blank lines are
    /// skipped and lines starting with <c>/</c> are commands, never sent to the model. Returns the number of answers given.
    /// </summary>
    public static async Task<int> RunAsync(AgentRuntime runtime, TextReader input, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        using var session = runtime.Begin();
        await context.Error.WriteLineAsync($"version: {session.Version} ({session.Version.Channel.ToString().ToLowerInvariant()})").ConfigureAwait(false);
        await context.Error.WriteLineAsync($"model: {runtime.Model.Description}").ConfigureAwait(false);
        await context.Error.WriteLineAsync($"chatting with {runtime.Agent}; {ExitCommand}, Ctrl+C or end of input stops, {HelpCommand} lists the commands").ConfigureAwait(false);
        var answers = 0;
        while (true)
        {
            if (context.Interactive)
            {
                await context.Error.WriteAsync("> ").ConfigureAwait(false);
            }

            var line = await ReadLineAsync(input, cancellationToken).ConfigureAwait(false);
            if (line is null || line.Trim() == ExitCommand)
            {
                return answers;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (ChatCommand.Parse(line) is { } command)
            {
                await context.Error.WriteLineAsync(command.Reply).ConfigureAwait(false);
                continue;
            }

            var turn = await session.AskAsync(line, cancellationToken).ConfigureAwait(false);
            await context.Out.WriteLineAsync(turn.Output).ConfigureAwait(false);
            await context.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            answers++;
        }
    }

    /// <summary>
    /// The next line, or null at the end of input or when cancelled. Console.In reads synchronously
    /// and ignores the token once it waits, so the read runs on its own thread and the wait for it is
    /// what cancellation ends; the abandoned read dies with the process.
    /// </summary>
    private static async Task<string?> ReadLineAsync(TextReader input, CancellationToken cancellationToken)
    {
        var read = Task.Run(input.ReadLine, CancellationToken.None);
        try
        {
            return await read.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}

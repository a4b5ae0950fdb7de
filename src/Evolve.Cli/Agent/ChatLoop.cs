namespace Evolve.Cli.Agent;

/// <summary><c>evolve agent chat</c>: one session that answers each input line and keeps the conversation.</summary>
internal static class ChatLoop
{
    /// <summary>The line that ends the chat (as does the end of input).</summary>
    public const string ExitCommand = "/exit";

    /// <summary>Reads lines until EOF or <c>/exit</c>; blank lines are skipped. Returns the number of answers given.</summary>
    public static async Task<int> RunAsync(AgentRuntime runtime, TextReader input, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var session = runtime.Begin();
        await context.Error.WriteLineAsync($"version: {session.Version} ({session.Version.Channel.ToString().ToLowerInvariant()})").ConfigureAwait(false);
        await context.Error.WriteLineAsync($"model: {runtime.Model.Description}").ConfigureAwait(false);
        await context.Error.WriteLineAsync($"chatting with {runtime.Agent}; {ExitCommand} or end of input stops").ConfigureAwait(false);
        var answers = 0;
        while (true)
        {
            if (context.Interactive)
            {
                await context.Error.WriteAsync("> ").ConfigureAwait(false);
            }

            var line = await input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null || line.Trim() == ExitCommand)
            {
                return answers;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var turn = await session.AskAsync(line, cancellationToken).ConfigureAwait(false);
            await context.Out.WriteLineAsync(turn.Output).ConfigureAwait(false);
            await context.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            answers++;
        }
    }
}

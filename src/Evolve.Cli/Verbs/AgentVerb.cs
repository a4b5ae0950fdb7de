using System.CommandLine;
using Evolve.Cli.Agent;

namespace Evolve.Cli.Verbs;

/// <summary><c>evolve agent run|chat|serve</c>: use the deployed version of an agent.</summary>
internal static class AgentVerb
{
    /// <summary>
    /// Builds the command; <paramref name="input"/> feeds <c>chat</c> (default: standard input) and
    /// <paramref name="environment"/> gives <c>serve</c> its key variable (default: the process's).
    /// </summary>
    public static Command Create(CliContext context, TextReader? input = null, Func<string, string?>? environment = null)
    {
        var command = new Command("agent", """
            Use an agent's deployed prompts: answer one task, chat, or serve the OpenAI chat API.
            Each session uses the version its channel points at when it starts, so a deploy needs no restart.

            Examples:
              evolve agent run arith "What is 17 * 23?"
              evolve agent chat arith --model echo
              evolve agent serve arith --port 8080
            """);
        command.Subcommands.Add(Run(context));
        command.Subcommands.Add(Chat(context, input ?? Console.In));
        command.Subcommands.Add(ServeCommand.Create(context, environment ?? Environment.GetEnvironmentVariable));
        return command;
    }

    private static Command Run(CliContext context)
    {
        var shared = new AgentOptions();
        var task = new Argument<string>("task") { Description = "The user's message" };
        var command = new Command("run", "Answer one task with the deployed version; the answer goes to standard output.");
        shared.AddTo(command);
        command.Arguments.Add(task);
        command.SetAction(async (parse, ct) =>
        {
            await using var runtime = await shared.RuntimeAsync(parse, context, ct).ConfigureAwait(false);
            using var session = runtime.Begin();
            var turn = await session.AskAsync(parse.GetValue(task)!, ct).ConfigureAwait(false);
            await context.Error.WriteLineAsync($"version: {session.Version} ({session.Version.Channel.ToString().ToLowerInvariant()})").ConfigureAwait(false);
            await context.Error.WriteLineAsync($"model: {runtime.Model.Description}").ConfigureAwait(false);
            await context.Out.WriteLineAsync(turn.Output).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Chat(CliContext context, TextReader input)
    {
        var shared = new AgentOptions();
        var command = new Command("chat", "Chat line by line in one session (the conversation is kept); /exit or end of input stops.");
        shared.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            await using var runtime = await shared.RuntimeAsync(parse, context, ct).ConfigureAwait(false);
            await ChatLoop.RunAsync(runtime, input, context, ct).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}

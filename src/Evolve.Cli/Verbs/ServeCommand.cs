using System.CommandLine;
using Evolve.Cli.Agent;
using Evolve.Cli.Serving;

namespace Evolve.Cli.Verbs;

/// <summary><c>evolve agent serve</c>: the OpenAI chat API over Kestrel until Ctrl+C.</summary>
internal static class ServeCommand
{
    public static Command Create(CliContext context, Func<string, string?> environment)
    {
        var shared = new AgentOptions();
        var flags = new ServeFlags(environment);
        var command = new Command("serve", "Serve the OpenAI chat API (GET /v1/models, POST /v1/chat/completions); Ctrl+C stops.");
        shared.AddTo(command);
        flags.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            // Before the runtime starts anything (MCP servers, the library): a refusal leaves nothing behind.
            var options = flags.Options(parse);
            await using var runtime = await shared.RuntimeAsync(parse, context, ct).ConfigureAwait(false);
            var log = TextWriter.Synchronized(context.Error);
            var server = await ChatServer.StartAsync(new AgentAnswerer(runtime), runtime.Time, options, log, ct).ConfigureAwait(false);
            await log.WriteLineAsync($"serving {runtime.Agent} ({runtime.Channel.ToString().ToLowerInvariant()} channel) at {server.Address}v1 with model {runtime.Model.Description}; Ctrl+C stops").ConfigureAwait(false);
            await ServeFlags.ServeUntilCancelledAsync(server, ct).ConfigureAwait(false);
            await log.WriteLineAsync(ServeFlags.CallsLine(runtime.SchedulerStats)).ConfigureAwait(false);
            await log.WriteLineAsync("stopped").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}

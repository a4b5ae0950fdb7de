using System.CommandLine;
using Evolve.Cli.Agent;
using Evolve.Cli.Serving;
using Evolve.Core.Workspace;
using Evolve.Kernel.Agents.Scheduling;
using Evolve.Kernel.Providers;

namespace Evolve.Cli.Verbs;

/// <summary>
/// <c>evolve models serve URI</c>: one model, through the pipeline <c>evolve eval</c> builds (cache,
/// retries, rate limits, usage), as an OpenAI-compatible endpoint until Ctrl+C. No agent, no session:
/// a peer's OpenAI client gets exactly the answers Evolve's own calls get.
/// </summary>
internal static class ModelsServeCommand
{
    public static Command Create(CliContext context, Func<string, string?> environment)
    {
        var uri = new Argument<string>("uri") { Description = "Model URI, for example sim or openai:gpt-4.1-mini" };
        var flags = new ServeFlags(environment);
        var calls = new ModelCallOptions();
        var command = new Command("serve", """
            Serve one model as the OpenAI chat API (GET /v1/models, POST /v1/chat/completions, plain or streamed); Ctrl+C stops.
            Requests go straight to the model, with evolve eval's cache (runs/.cache), retries, rate limits and usage; no agent, no session.
            """);
        command.Arguments.Add(uri);
        flags.AddTo(command);
        calls.AddCallFlagsTo(command);
        command.SetAction(async (parse, ct) =>
        {
            // Everything is checked before the port is bound: a refusal serves nothing.
            var options = flags.Options(parse);
            var parsed = ModelUri.Parse(parse.GetValue(uri), "uri");
            var dependencies = calls.CallDependencies(parse, context);
            using var tracing = calls.StartTracing(parse);
            var model = dependencies.CreateTaskModel(parsed.ToString(), WorkspacePaths.Resolve(context.WorkingDirectory), oracles: null);
            // The same bounded pool of calls as agent serve, so a burst queues here and is timed.
            var scheduler = new ModelCallScheduler(new ModelCallSchedulerOptions { Slots = AgentRuntime.ModelCallSlots }, dependencies.Time);
            using var client = new SchedulingChatClient(model.Client, scheduler);
            var log = TextWriter.Synchronized(context.Error);
            var server = await ChatServer.StartAsync(new ModelAnswerer(model, client), dependencies.Time, options, log, ct).ConfigureAwait(false);
            await log.WriteLineAsync($"serving {model.Uri} at {server.Address}v1: {model.Description}; Ctrl+C stops").ConfigureAwait(false);
            await ServeFlags.ServeUntilCancelledAsync(server, ct).ConfigureAwait(false);
            await log.WriteLineAsync(ServeFlags.CallsLine(scheduler.Snapshot())).ConfigureAwait(false);
            await ServeFlags.WriteStoppedAsync(log, dependencies.Usage).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}

using System.CommandLine;
using Evolve.Cli.Serving;
using Evolve.Core.ScoreServing;

namespace Evolve.Cli.Verbs;

/// <summary><c>evolve score serve --suite S</c>: a long-lived scoring service on loopback until Ctrl+C.</summary>
internal static class ScoreVerb
{
    public static Command Create(CliContext context, Func<string, string?>? environment = null)
    {
        var command = new Command("score", """
            Score candidates over HTTP without a process start per evaluation.

            Examples:
              evolve score serve --suite arith --port 8082
            """);
        command.Subcommands.Add(Serve(context, environment ?? Environment.GetEnvironmentVariable));
        return command;
    }

    private static Command Serve(CliContext context, Func<string, string?> environment)
    {
        var suite = new Option<string>("--suite", "-s") { Description = "Suite name (folder under evals/)", Required = true };
        var agent = new Option<string?>("--agent", "-a") { Description = "Agent whose live files requests replace (default: the suite's agent)" };
        var concurrency = new Option<int>("--concurrency", "-c") { Description = "Rollouts in flight per request", DefaultValueFactory = _ => ScoreServiceDefaults.Concurrency };
        var sandbox = Choices.Sandbox();
        var paths = WorkspaceOptions.Create();
        var flags = new ServeFlags(environment);
        var calls = new ModelCallOptions();
        var command = new Command("serve", """
            Serve POST /v1/score for one suite until Ctrl+C: {"components": {"system.sbn": "..."}, "cases": ["id", ...],
            "split": "val", "repeat": 3, "model": "sim"} (every field optional: the live files, all cases, the suite's repeats,
            the agent's model) gives per case its mean score, pass, first output and feedback, tokens, and each repeat.
            Rollouts run as in evolve eval (same pipeline, cache, scorer and sandbox); no run is stored.
            """);
        var judge = JudgeModelOption.Create();
        foreach (var option in new Option[] { suite, agent, concurrency, sandbox.Option, judge })
        {
            command.Options.Add(option);
        }

        paths.AddTo(command);
        flags.AddTo(command);
        calls.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var options = flags.Options(parse);
            using var tracing = calls.StartTracing(parse);
            var dependencies = calls.CallDependencies(parse, context);
            var service = await ScoreService.OpenAsync(new ScoreServiceOptions
            {
                Suite = parse.GetValue(suite), Agent = parse.GetValue(agent), Paths = paths.ForSuites(parse, context),
                Concurrency = parse.GetValue(concurrency), JudgeModel = parse.GetValue(judge), Sandbox = sandbox.GetValue(parse), AllowUnsandboxed = calls.AllowUnsandboxed(parse),
            }, dependencies).ConfigureAwait(false);
            var log = TextWriter.Synchronized(context.Error);
            var endpoint = new ScoreEndpoint(service, log, options.MaxRequestBytes);
            var server = await ApiServer.StartAsync([("POST", "/v1/score", endpoint.ScoreAsync)], options, ct).ConfigureAwait(false);
            var sandboxText = service.Sandbox is { } level ? $", sandbox {level}" : "";
            await log.WriteLineAsync($"serving suite {service.Suite} (agent {service.Agent}{sandboxText}) at {server.Address}v1/score; Ctrl+C stops").ConfigureAwait(false);
            await ServeFlags.ServeUntilCancelledAsync(server, ct).ConfigureAwait(false);
            await ServeFlags.WriteStoppedAsync(log, dependencies.Usage).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}

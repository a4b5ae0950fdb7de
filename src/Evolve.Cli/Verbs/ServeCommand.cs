using System.CommandLine;
using System.Globalization;
using Evolve.Cli.Agent;
using Evolve.Cli.Serving;

namespace Evolve.Cli.Verbs;

/// <summary><c>evolve agent serve</c>: the OpenAI chat API over Kestrel until Ctrl+C.</summary>
internal static class ServeCommand
{
    public static Command Create(CliContext context, Func<string, string?> environment)
    {
        var shared = new AgentOptions();
        var port = new Option<int>("--port") { Description = "TCP port (0: any free port)", DefaultValueFactory = _ => ServeDefaults.Port };
        var host = new Option<string>("--host") { Description = "Address to bind; other than loopback needs an API key", DefaultValueFactory = _ => ServeDefaults.Host };
        var apiKey = new Option<string?>("--api-key") { Description = $"Key clients send as 'Authorization: Bearer KEY' (default: ${ServeDefaults.ApiKeyVariable}; none on loopback)" };
        var maxBytes = new Option<long>("--max-request-bytes") { Description = "Largest request body in bytes; larger get 413 (default 1048576 = 1 MiB)", DefaultValueFactory = _ => ServeDefaults.MaxRequestBytes };
        var maxConcurrent = new Option<int>("--max-concurrent-requests") { Description = $"Requests handled at once; more get 429 (default {ServeDefaults.MaxConcurrentRequests})", DefaultValueFactory = _ => ServeDefaults.MaxConcurrentRequests };
        var command = new Command("serve", "Serve the OpenAI chat API (GET /v1/models, POST /v1/chat/completions); Ctrl+C stops.");
        shared.AddTo(command);
        command.Options.Add(port);
        command.Options.Add(host);
        command.Options.Add(apiKey);
        command.Options.Add(maxBytes);
        command.Options.Add(maxConcurrent);
        command.SetAction(async (parse, ct) =>
        {
            var options = new ServeOptions
            {
                Host = parse.GetValue(host)!, Port = parse.GetValue(port),
                ApiKey = parse.GetValue(apiKey) ?? (environment(ServeDefaults.ApiKeyVariable) is { Length: > 0 } key ? key : null),
                MaxRequestBytes = parse.GetValue(maxBytes), MaxConcurrentRequests = parse.GetValue(maxConcurrent),
            };

            // Before the runtime starts anything (MCP servers, the library): a refusal leaves nothing behind.
            options.Validate();
            await using var runtime = await shared.RuntimeAsync(parse, context, ct).ConfigureAwait(false);
            var log = TextWriter.Synchronized(context.Error);
            var server = await ChatServer.StartAsync(new AgentAnswerer(runtime), runtime.Time, options, log, ct).ConfigureAwait(false);
            await using (server.ConfigureAwait(false))
            {
                await log.WriteLineAsync($"serving {runtime.Agent} ({runtime.Channel.ToString().ToLowerInvariant()} channel) at {server.Address}v1 with model {runtime.Model.Description}; Ctrl+C stops").ConfigureAwait(false);
                try
                {
                    await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    // Ctrl+C is how a server is meant to stop: not an error.
                }
            }

            var calls = runtime.SchedulerStats.Overall;
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"model calls {calls.Count}: waiting p95 {calls.Waiting.P95.TotalMilliseconds:0} ms, turnaround p95 {calls.Turnaround.P95.TotalMilliseconds:0} ms")).ConfigureAwait(false);
            await log.WriteLineAsync("stopped").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}

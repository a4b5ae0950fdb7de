using System.CommandLine;
using System.Globalization;
using Evolve.Cli.Serving;
using Evolve.Kernel.Agents.Scheduling;
using Evolve.Core.Evaluation;

namespace Evolve.Cli.Verbs;

/// <summary>The listening flags <c>agent serve</c> and <c>models serve</c> share, and how both run until Ctrl+C.</summary>
internal sealed class ServeFlags(Func<string, string?> environment)
{
    private readonly Option<int> _port = new("--port") { Description = "TCP port (0: any free port)", DefaultValueFactory = _ => ServeDefaults.Port };
    private readonly Option<string> _host = new("--host") { Description = "Address to bind; other than loopback needs an API key", DefaultValueFactory = _ => ServeDefaults.Host };
    private readonly Option<string?> _apiKey = new("--api-key") { Description = $"Key clients send as 'Authorization: Bearer KEY' (default: ${ServeDefaults.ApiKeyVariable}; none on loopback)" };
    private readonly Option<long> _maxBytes = new("--max-request-bytes") { Description = "Largest request body in bytes; larger get 413 (default 1048576 = 1 MiB)", DefaultValueFactory = _ => ServeDefaults.MaxRequestBytes };
    private readonly Option<int> _maxConcurrent = new("--max-concurrent-requests") { Description = $"Requests handled at once; more get 429 (default {ServeDefaults.MaxConcurrentRequests})", DefaultValueFactory = _ => ServeDefaults.MaxConcurrentRequests };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _port, _host, _apiKey, _maxBytes, _maxConcurrent })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The options, validated (one <see cref="Kernel.InputException"/> listing every problem) before anything starts.</summary>
    public ServeOptions Options(ParseResult parse)
    {
        var options = new ServeOptions
        {
            Host = parse.GetValue(_host)!, Port = parse.GetValue(_port),
            ApiKey = parse.GetValue(_apiKey) ?? (environment(ServeDefaults.ApiKeyVariable) is { Length: > 0 } key ? key : null),
            MaxRequestBytes = parse.GetValue(_maxBytes), MaxConcurrentRequests = parse.GetValue(_maxConcurrent),
        };
        options.Validate();
        return options;
    }

    /// <summary>Waits for Ctrl+C, how a server is meant to stop (not an error), then releases the port.</summary>
    public static async Task ServeUntilCancelledAsync(ApiServer server, CancellationToken cancellationToken)
    {
        await using (server.ConfigureAwait(false))
        {
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
        }
    }

    /// <summary>The last lines of a stopped server: the usage line when there is a ledger, then "stopped".</summary>
    public static async Task WriteStoppedAsync(TextWriter log, ModelUsage? usage)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (usage is not null)
        {
            await log.WriteLineAsync(ModelCallOptions.UsageLine(usage.Total)).ConfigureAwait(false);
        }

        await log.WriteLineAsync("stopped").ConfigureAwait(false);
    }

    /// <summary>How many model calls there were and how long they waited for a slot and took.</summary>
    public static string CallsLine(SchedulerStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        var calls = stats.Overall;
        return string.Create(CultureInfo.InvariantCulture,
            $"model calls {calls.Count}: waiting p95 {calls.Waiting.P95.TotalMilliseconds:0} ms, turnaround p95 {calls.Turnaround.P95.TotalMilliseconds:0} ms");
    }
}

using System.CommandLine;
using System.Globalization;
using Evolve.Core.Evaluation;
using Evolve.Kernel;
using Evolve.Kernel.Providers.Telemetry;
using Evolve.Kernel.Providers.Usage;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Evolve.Cli.Verbs;

/// <summary>
/// The model-call flags <c>evolve eval</c> and <c>evolve run</c> share: pacing, timeout, retries,
/// cache, prices, the sandbox override and tracing.
/// </summary>
internal sealed class ModelCallOptions
{
    /// <summary>The environment variable that turns on tracing like <c>--otel</c>.</summary>
    public const string OtelVariable = "EVOLVE_OTEL";

    private readonly Option<int?> _rpm = new("--rpm") { Description = "Requests per minute to the model (default: no limit)" };
    private readonly Option<long?> _tpm = new("--tpm") { Description = "Tokens per minute to the model, estimated before and settled after each call (default: no limit)" };
    private readonly Option<string?> _timeout = new("--timeout") { Description = "Time allowed per model call attempt, e.g. 120s, 5m (default 120s); a timeout is retried" };
    private readonly Option<int?> _retries = new("--retries") { Description = "Attempts per model call, the first included (default 6); transient failures only" };
    private readonly Option<string?> _cacheTtl = new("--cache-ttl") { Description = "How long cached responses stay valid, e.g. 12h, 7d (default: until runs/.cache is deleted)" };
    private readonly Option<bool> _noCache = new("--no-cache") { Description = "Do not read or write the response cache" };
    private readonly Option<string?> _prices = new("--prices") { Description = "prices.yaml (or evolve.yaml with a prices: section) extending the built-in list prices" };
    private readonly Option<bool> _allowUnsandboxed = new("--allow-unsandboxed") { Description = "Let a real model's code run under the process sandbox, which has no filesystem or network isolation" };
    private readonly ChoiceOption<string> _otel = Choices.Strings("--otel", $"Trace model calls and rollouts with OpenTelemetry: console (or set {OtelVariable}=console)", null, ["console", "none"]);

    public void AddTo(Command command) => Add(command, [_rpm, _tpm, _timeout, _retries, _cacheTtl, _noCache, _prices, _allowUnsandboxed, _otel.Option]);

    /// <summary>Every flag but <c>--allow-unsandboxed</c>, for a verb that runs no code (<c>models serve</c>).</summary>
    public void AddCallFlagsTo(Command command) => Add(command, [_rpm, _tpm, _timeout, _retries, _cacheTtl, _noCache, _prices, _otel.Option]);

    public bool AllowUnsandboxed(ParseResult parse) => parse.GetValue(_allowUnsandboxed);

    public ModelCallSettings Settings(ParseResult parse, CliContext context) => new()
    {
        RequestsPerMinute = parse.GetValue(_rpm),
        TokensPerMinute = parse.GetValue(_tpm),
        Timeout = Durations.Parse(parse.GetValue(_timeout), "--timeout"),
        MaxAttempts = parse.GetValue(_retries),
        CacheTimeToLive = ParseLong(parse.GetValue(_cacheTtl), "--cache-ttl"),
        NoCache = parse.GetValue(_noCache),
        PricesFile = parse.GetValue(_prices) is { } prices ? Path.GetFullPath(prices, context.WorkingDirectory) : null,
    };

    /// <summary>The settings, checked: one <see cref="InputException"/> listing every invalid flag (through <see cref="Dependencies"/>).</summary>
    private ModelCallSettings CheckedSettings(ParseResult parse, CliContext context)
    {
        var settings = Settings(parse, context);
        var problems = settings.Problems().ToList();
        return problems.Count > 0 ? throw new InputException(problems) : settings;
    }

    /// <summary>
    /// The context's dependencies with the checked model-call settings and the sandbox policy
    /// applied, for the verbs that own their run (run, compare); throws like <see cref="CheckedSettings"/>.
    /// </summary>
    public EvalDependencies Dependencies(ParseResult parse, CliContext context) =>
        context.Dependencies.WithModelSettings(CheckedSettings(parse, context)).WithSandboxPolicy(AllowUnsandboxed(parse));

    /// <summary>The context's dependencies with the checked model-call settings applied, for a verb that runs no code; throws like <see cref="CheckedSettings"/>.</summary>
    public EvalDependencies CallDependencies(ParseResult parse, CliContext context) =>
        context.Dependencies.WithModelSettings(CheckedSettings(parse, context));

    /// <summary>Writes <see cref="UsageLine"/> to the error stream when the models' spending was counted.</summary>
    public static async Task WriteUsageAsync(CliContext context)
    {
        if (context.Dependencies.Usage is { } usage)
        {
            await context.Error.WriteLineAsync(UsageLine(usage.Total)).ConfigureAwait(false);
        }
    }

    /// <summary>Starts console tracing when asked for (flag, else environment); dispose to flush.</summary>
    public IDisposable? StartTracing(ParseResult parse)
    {
        var mode = _otel.TryGetValue(parse, out var chosen) ? chosen : Environment.GetEnvironmentVariable(OtelVariable);
        return mode switch
        {
            null or "" or "none" => null,

            // The console exporter writes to standard output; use -o to keep results apart from spans.
            "console" => Sdk.CreateTracerProviderBuilder().AddSource(EvolveTelemetry.SourceName).AddConsoleExporter().Build(),
            _ => throw new InputException(OtelVariable, null, null, $"must be console or none, not '{mode}'"),
        };
    }

    private static void Add(Command command, Option[] options)
    {
        foreach (var option in options)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>One line of what the models spent: calls, failed attempts, cache hits, tokens and cost.</summary>
    public static string UsageLine(UsageTotals total)
    {
        ArgumentNullException.ThrowIfNull(total);
        var cost = total.Cost.ToString("0.0000", CultureInfo.InvariantCulture);
        var unpriced = total.UnpricedCalls > 0 ? $", {total.UnpricedCalls} calls to models without a price" : "";
        return $"usage: {total.Calls} model calls ({total.FailedAttempts} failed attempts, {total.CacheHits} cache hits), "
            + $"{total.InputTokens} tokens in, {total.OutputTokens} out; cost ${cost} at list prices{unpriced}";
    }

    /// <summary>Durations plus days (<c>7d</c>), which only a cache lifetime needs.</summary>
    private static TimeSpan? ParseLong(string? text, string flag) =>
        text is { Length: > 1 } && text[^1] == 'd' && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var days) && days > 0
            ? TimeSpan.FromDays(days)
            : Durations.Parse(text, flag);
}

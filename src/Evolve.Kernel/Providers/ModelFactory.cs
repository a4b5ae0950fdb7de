using Evolve.Kernel.Providers.Anthropic;
using Evolve.Kernel.Providers.Caching;
using Evolve.Kernel.Providers.Configuration;
using Evolve.Kernel.Providers.Echo;
using Evolve.Kernel.Providers.Ollama;
using Evolve.Kernel.Providers.OpenAi;
using Evolve.Kernel.Providers.Resilience;
using Evolve.Kernel.Providers.Sim;
using Evolve.Kernel.Providers.Telemetry;
using Evolve.Kernel.Providers.Usage;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Providers;

/// <summary>
/// Turns a <see cref="ModelUri"/> into an <see cref="IChatClient"/> pipeline of decorators. Outermost first:
/// <list type="number">
/// <item>usage and cost accounting: outermost so it sees every logical call once, cache hits included;</item>
/// <item>response cache: a hit spends no rate budget, no retry and no span of a provider call;</item>
/// <item>OpenTelemetry: one span per call that goes to the provider, covering its waits and retries;</item>
/// <item>rate limit (real providers): paces logical calls before any attempt starts;</item>
/// <item>retry (real providers): around each attempt, so a timed-out attempt is retried;</item>
/// <item>failed-attempt accounting: inside retry, so every failed attempt counts as a call with no tokens;</item>
/// <item>per-attempt timeout (real providers): turns a hung attempt into a transient failure;</item>
/// <item>internal-property stripping (real providers): innermost, so nothing above can re-add what must not leave the process;</item>
/// <item>the provider.</item>
/// </list>
/// The offline providers (sim, echo) never fail transiently and are not rate-limited, so they get
/// only accounting, the cache (when asked for) and telemetry.
/// </summary>
public static class ModelFactory
{
    /// <summary>Builds the pipeline for <paramref name="uri"/>.</summary>
    /// <exception cref="InputException">The provider needs a key that is not set, an endpoint is not a URL, or an option is out of range.</exception>
    public static IChatClient Create(ModelUri uri, ModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(options);
        return Build(uri, options, () => CreateProvider(uri, options));
    }

    /// <summary>The pipeline around <paramref name="provider"/>; tests pass a scripted provider under a real provider's URI.</summary>
    internal static IChatClient Build(ModelUri uri, ModelOptions options, Func<IChatClient> provider)
    {
        var problems = options.Problems().Select(p => new InputError(uri.Source, null, uri.Field, p)).ToList();
        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }

        var builder = new ChatClientBuilder(provider());

        // ChatClientBuilder applies Use calls outermost first.
        builder.Use(inner => new UsageAccountingChatClient(inner, options.Usage, uri.Id, options.Prices));
        if (options.CacheEnabled && (uri.Cache ?? !uri.IsOffline))
        {
            var storage = options.Cache ?? new SqliteResponseCache(options.CachePath, options.CacheTimeToLive, options.TimeProvider);
            builder.Use(inner => new ResponseCacheChatClient(inner, storage, uri.CacheKey));
        }

        builder.UseOpenTelemetry(sourceName: EvolveTelemetry.SourceName);
        if (!uri.IsOffline)
        {
            if (options.RequestsPerMinute is not null || options.TokensPerMinute is not null)
            {
                var requests = options.RequestsPerMinute is { } rpm ? new MinuteBudget(rpm, options.TimeProvider) : null;
                var tokens = options.TokensPerMinute is { } tpm ? new MinuteBudget(tpm, options.TimeProvider) : null;
                builder.Use(inner => new RateLimitingChatClient(inner, requests, tokens));
            }

            builder.Use(inner => new RetryingChatClient(inner, options.Retry, options.TimeProvider, options.Random, uri.Id));
            builder.Use(inner => new AttemptAccountingChatClient(inner, options.Usage, uri.Id));
            builder.Use(inner => new TimeoutChatClient(inner, options.Timeout, options.TimeProvider, uri.Id));
            if (uri.Scheme == ModelSchemes.OpenAI)
            {
                builder.Use(inner => new OpenAi.OpenAiLogProbsChatClient(inner));
            }

            builder.Use(inner => new InternalPropertiesStrippingChatClient(inner));
        }

        return builder.Build();
    }

    /// <summary>The provider alone, without cache, accounting or retries: for a one-call connectivity check (<c>evolve models test</c>).</summary>
    /// <exception cref="InputException">The provider needs a key that is not set, or an endpoint is not a URL.</exception>
    public static IChatClient CreateProvider(ModelUri uri, ModelOptions options) => uri.Scheme switch
    {
        ModelSchemes.Sim => new SimChatClient(SimSettings.From(uri), options.TimeProvider, options.SimOracles),
        ModelSchemes.Echo => new EchoChatClient(),
        ModelSchemes.OpenAI => OpenAiProvider.Create(Settings(uri, options), uri.Model!, options.TimeProvider),
        ModelSchemes.Ollama => OllamaProvider.Create(Settings(uri, options), uri.Model!, options.TimeProvider),
        ModelSchemes.Anthropic => AnthropicProvider.Create(Settings(uri, options), uri.Model!, options.TimeProvider),
        _ => throw new InputException(uri.Source, null, uri.Field, $"provider '{uri.Scheme}' ({uri.Id}) is not available in this build"),
    };

    /// <summary>Resolves where and with which key to call; a hosted API without a key is refused before any call.</summary>
    private static ProviderSettings Settings(ModelUri uri, ModelOptions options)
    {
        var settings = ProviderSettings.Resolve(uri.Scheme, options.Workspace, options.EnvironmentVariables);
        if (!settings.HasKey && ProviderCatalog.NeedsKey(uri.Scheme, settings.Endpoint))
        {
            throw new InputException(
                uri.Source,
                null,
                uri.Field,
                $"{uri.Id} needs an API key: set {settings.KeyVariable} (or point {ProviderCatalog.EndpointVariable(uri.Scheme)} at a server that needs none)");
        }

        return settings;
    }
}

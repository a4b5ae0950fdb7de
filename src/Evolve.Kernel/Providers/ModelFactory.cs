using Evolve.Kernel.Providers.Anthropic;
using Evolve.Kernel.Providers.Caching;
using Evolve.Kernel.Providers.Configuration;
using Evolve.Kernel.Providers.Echo;
using Evolve.Kernel.Providers.Ollama;
using Evolve.Kernel.Providers.OpenAi;
using Evolve.Kernel.Providers.Sim;
using Evolve.Kernel.Providers.Usage;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Providers;

/// <summary>
/// Turns a <see cref="ModelUri"/> into an <see cref="IChatClient"/> pipeline. Outermost first:
/// usage accounting, then the response cache when on, then (real providers only) removal of
/// internal request properties, then the provider itself.
/// </summary>
public static class ModelFactory
{
    /// <summary>Builds the pipeline for <paramref name="uri"/>.</summary>
    /// <exception cref="InputException">The provider needs a key that is not set, or an endpoint is not a URL.</exception>
    public static IChatClient Create(ModelUri uri, ModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ChatClientBuilder(CreateProvider(uri, options));

        // ChatClientBuilder applies Use calls outermost first.
        builder.Use(inner => new UsageAccountingChatClient(inner, options.Usage, uri.Id));
        if (uri.Cache ?? !uri.IsOffline)
        {
            var storage = options.Cache ?? new SqliteResponseCache(options.CachePath, options.CacheTimeToLive, options.TimeProvider);
            builder.Use(inner => new ResponseCacheChatClient(inner, storage, uri.Id));
        }

        if (!uri.IsOffline)
        {
            builder.Use(inner => new InternalPropertiesStrippingChatClient(inner));
        }

        return builder.Build();
    }

    /// <summary>The provider alone, without cache, accounting or retries: for a one-call connectivity check (<c>evolve models test</c>).</summary>
    /// <exception cref="InputException">The provider needs a key that is not set, or an endpoint is not a URL.</exception>
    public static IChatClient CreateProvider(ModelUri uri, ModelOptions options) => uri.Scheme switch
    {
        ModelSchemes.Sim => new SimChatClient(SimSettings.From(uri), options.TimeProvider),
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

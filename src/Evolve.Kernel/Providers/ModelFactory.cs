using Evolve.Kernel.Providers.Caching;
using Evolve.Kernel.Providers.Echo;
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
    /// <exception cref="InputException">The provider is not part of this build.</exception>
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

    private static IChatClient CreateProvider(ModelUri uri, ModelOptions options) => uri.Scheme switch
    {
        ModelSchemes.Sim => new SimChatClient(SimSettings.From(uri), options.TimeProvider),
        ModelSchemes.Echo => new EchoChatClient(),
        _ => throw new InputException(
            uri.Source,
            null,
            uri.Field,
            $"provider '{uri.Scheme}' ({uri.Id}) is not available in this build; use sim (the offline simulator) or echo"),
    };
}

using Anthropic;
using Anthropic.Core;
using Anthropic.Exceptions;
using Evolve.Kernel.Providers.Configuration;
using Evolve.Kernel.Providers.Http;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Providers.Anthropic;

/// <summary><c>anthropic:MODEL</c>: Anthropic's messages API (or a proxy at <c>ANTHROPIC_BASE_URL</c>), through the official SDK.</summary>
internal static class AnthropicProvider
{
    /// <summary>Anthropic requires max_tokens on every request; used when the caller sets none.</summary>
    public const int DefaultMaxOutputTokens = 4096;

    private const string PlaceholderKey = "no-key";

    public static IChatClient Create(ProviderSettings settings, string model, TimeProvider time)
    {
        var http = ProviderHttp.CreateClient(settings, model, time);
        var client = new AnthropicClient(new ClientOptions
        {
            HttpClient = http,
            BaseUrl = settings.Endpoint.ToString().TrimEnd('/'),

            // Setting the key explicitly also stops the SDK from reading the process environment itself.
            ApiKey = settings.ApiKey ?? PlaceholderKey,

            // Retries are done once for every provider by Evolve's own retry decorator.
            MaxRetries = 0,
            Timeout = ProviderHttp.SdkTimeout(settings),
        });
        return new ModelCallEdgeChatClient(client.AsIChatClient(model, DefaultMaxOutputTokens), settings, e => Translate(e, settings, model), new Owned(client, http));
    }

    private static ModelCallException? Translate(Exception exception, ProviderSettings settings, string model) => exception switch
    {
        AnthropicApiException api => HttpFailure.FromStatus(settings, model, api.StatusCode, api.ResponseBody ?? string.Empty, null),
        AnthropicSseException or AnthropicInvalidDataException => HttpFailure.Broken(settings, exception),
        AnthropicIOException => HttpFailure.Unreachable(settings, exception),
        _ => null,
    };

    /// <summary>Disposes the SDK client and the HTTP client it sends through.</summary>
    private sealed class Owned(AnthropicClient client, HttpClient http) : IDisposable
    {
        public void Dispose()
        {
            client.Dispose();
            http.Dispose();
        }
    }
}

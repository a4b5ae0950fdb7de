using Evolve.Kernel.Providers.Configuration;
using Evolve.Kernel.Providers.Http;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OllamaSharp.Models.Exceptions;

namespace Evolve.Kernel.Providers.Ollama;

/// <summary><c>ollama:MODEL</c>: a local or remote Ollama server at <c>OLLAMA_HOST</c>, through OllamaSharp.</summary>
internal static class OllamaProvider
{
    public static IChatClient Create(ProviderSettings settings, string model, TimeProvider time)
    {
        var http = ProviderHttp.CreateClient(settings, model, time);
        http.BaseAddress = settings.Endpoint;

        // OllamaSharp does not retry, so there is nothing to turn off.
        var ollama = new OllamaApiClient(http, model);
        return new ModelCallEdgeChatClient(ollama, settings, e => Translate(e, settings, model), http);
    }

    /// <summary>OllamaSharp reports errors inside a stream (an <c>error</c> line) as its own exceptions.</summary>
    private static ModelCallException? Translate(Exception exception, ProviderSettings settings, string model) => exception switch
    {
        OllamaException when exception.Message.Contains("not found", StringComparison.OrdinalIgnoreCase) =>
            new ModelCallException(ModelCallFailure.Permanent, $"model '{model}' not found at {settings.EndpointText} ({exception.Message})", 404, inner: exception),
        OllamaException => new ModelCallException(ModelCallFailure.Transient, $"ollama at {settings.EndpointText} failed: {exception.Message}", inner: exception),
        _ => null,
    };
}

using System.ClientModel;
using System.ClientModel.Primitives;
using Evolve.Kernel.Providers.Configuration;
using Evolve.Kernel.Providers.Http;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace Evolve.Kernel.Providers.OpenAi;

/// <summary>
/// <c>openai:MODEL</c>: OpenAI's chat completions, or any server that speaks them (vLLM,
/// llama.cpp, LM Studio) at <c>OPENAI_BASE_URL</c>, through the OpenAI SDK's chat client.
/// </summary>
internal static class OpenAiProvider
{
    // Local OpenAI-compatible servers usually ignore the key, but the SDK insists on one.
    private const string PlaceholderKey = "no-key";

    public static IChatClient Create(ProviderSettings settings, string model, TimeProvider time)
    {
        var http = ProviderHttp.CreateClient(settings, model, time);
        var options = new OpenAIClientOptions
        {
            Endpoint = settings.Endpoint,
            Transport = new HttpClientPipelineTransport(http),

            // Retries are done once for every provider by Evolve's own retry decorator.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = ProviderHttp.SdkTimeout(settings),
        };
        var chat = new ChatClient(model, new ApiKeyCredential(settings.ApiKey ?? PlaceholderKey), options);
        return new ModelCallEdgeChatClient(chat.AsIChatClient(), settings, e => Translate(e, settings, model), http);
    }

    /// <summary>An error status the SDK raised itself (the HTTP handler normally gets there first).</summary>
    private static ModelCallException? Translate(Exception exception, ProviderSettings settings, string model) =>
        exception is ClientResultException { Status: > 0 } result
            ? HttpFailure.FromStatus(settings, model, (System.Net.HttpStatusCode)result.Status, result.Message, null)
            : null;
}

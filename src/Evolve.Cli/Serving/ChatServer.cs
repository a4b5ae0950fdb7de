namespace Evolve.Cli.Serving;

/// <summary>
/// Serves one <see cref="IChatAnswerer"/> (an agent, a bare model) as the OpenAI chat API:
/// <c>GET /v1/models</c> and <c>POST /v1/chat/completions</c>, plain and streamed.
/// </summary>
internal static class ChatServer
{
    /// <summary>Binds the options' host and port (port 0 picks a free one) and starts serving.</summary>
    /// <param name="answerer">What answers the requests.</param>
    /// <param name="time">The clock for the answers' creation times.</param>
    /// <param name="options">Where to listen and what to let in.</param>
    /// <param name="log">Receives one line per answered request; written from many threads, so pass a synchronized writer.</param>
    /// <param name="cancellationToken">Cancels starting.</param>
    public static Task<ApiServer> StartAsync(IChatAnswerer answerer, TimeProvider time, ServeOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answerer);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        var endpoints = new CompletionEndpoint(answerer, time, log, options.MaxRequestBytes);
        return ApiServer.StartAsync([("GET", "/v1/models", endpoints.ListModelsAsync), ("POST", "/v1/chat/completions", endpoints.CompleteAsync)], options, cancellationToken);
    }
}

namespace Evolve.Cli.Serving;

/// <summary>
/// What a <see cref="ChatServer"/> serves: one model id and a way to answer a chat request. The HTTP
/// layer (routes, key, limits, OpenAI JSON, streaming) is the server's; this is all that differs
/// between serving an agent and serving a bare model.
/// </summary>
internal interface IChatAnswerer
{
    /// <summary>The one model id clients list and ask for.</summary>
    string Model { get; }

    /// <summary>The response header that repeats <see cref="ChatAnswer.Fingerprint"/>, or null for none.</summary>
    string? FingerprintHeader { get; }

    /// <summary>
    /// Answers one parsed request; an exception other than cancellation becomes a 500 naming it.
    /// </summary>
    /// <param name="request">The parsed body; its model is already <see cref="Model"/>.</param>
    /// <param name="requestId">Unique per request in this server's lifetime (arrival time and number).</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    Task<ChatAnswer> AnswerAsync(ChatCompletionRequest request, string requestId, CancellationToken cancellationToken = default);
}

using Evolve.Core.Evaluation;
using Microsoft.Extensions.AI;

namespace Evolve.Cli.Serving;

/// <summary>
/// Answers each served request with one call to a model pipeline as Evolve builds it (cache, retry,
/// rate limit, usage): the client's messages as sent, no agent, no prompt layers, no session.
/// </summary>
internal sealed class ModelAnswerer(ModelHandle model, IChatClient client) : IChatAnswerer
{
    /// <summary>The model URI as Evolve writes it (<c>sim</c>, <c>openai:gpt-4.1-mini</c>).</summary>
    public string Model => model.Uri;

    public string? FingerprintHeader => null;

    public async Task<ChatAnswer> AnswerAsync(ChatCompletionRequest request, string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await client.GetResponseAsync(request.Messages, request.Sampling.Clone(), cancellationToken).ConfigureAwait(false);
        return new ChatAnswer(response.Text, response.Usage, model.Uri);
    }
}

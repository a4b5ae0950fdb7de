using Microsoft.Extensions.AI;
using ChatCompletion = OpenAI.Chat.ChatCompletion;
using ChatCompletionOptions = OpenAI.Chat.ChatCompletionOptions;

namespace Evolve.Kernel.Providers.OpenAi;

/// <summary>
/// Asks an OpenAI-compatible server for the answer's token log-probabilities when a request says
/// so (<see cref="ModelRequestKeys.LogProbs"/>, set for suites with perplexity assertions) and
/// records them on the response (<see cref="ModelResponseKeys.LogProbs"/>), where the response
/// cache keeps them. It sits just outside the stripping of internal keys, so it still sees the flag.
/// </summary>
internal sealed class OpenAiLogProbsChatClient(IChatClient inner) : DelegatingChatClient(inner)
{
    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (!ModelRequest.WantsLogProbs(options))
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }

        var asked = options!.Clone();
        var earlier = asked.RawRepresentationFactory;
        asked.RawRepresentationFactory = client =>
        {
            var raw = earlier?.Invoke(client) as ChatCompletionOptions ?? new ChatCompletionOptions();
            raw.IncludeLogProbabilities = true;
            return raw;
        };
        var response = await base.GetResponseAsync(messages, asked, cancellationToken).ConfigureAwait(false);
        if (response.RawRepresentation is ChatCompletion { ContentTokenLogProbabilities.Count: > 0 } completion)
        {
            response.AdditionalProperties ??= [];
            response.AdditionalProperties[ModelResponseKeys.LogProbs] = completion.ContentTokenLogProbabilities.Select(t => (double)t.LogProbability).ToArray();
        }

        return response;
    }
}

using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Providers.Echo;

/// <summary>
/// The <c>echo</c> provider (as in promptfoo): replies with the text of the last user message.
/// Useful to check what a template renders, and to test scorers without any model.
/// </summary>
internal sealed class EchoChatClient() : InProcessChatClient(ModelSchemes.Echo)
{

    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        cancellationToken.ThrowIfCancellationRequested();
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        var text = ModelRequest.LastUserText(list);
        var usage = new UsageDetails
        {
            InputTokenCount = TokenEstimator.Estimate(list),
            OutputTokenCount = TokenEstimator.Estimate(text),
        };
        usage.TotalTokenCount = usage.InputTokenCount + usage.OutputTokenCount;
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            ModelId = ModelSchemes.Echo,
            FinishReason = ChatFinishReason.Stop,
            Usage = usage,
        });
    }
}

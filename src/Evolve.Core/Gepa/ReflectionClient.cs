using Evolve.Core.Runs;
using Microsoft.Extensions.AI;

namespace Evolve.Core.Gepa;

/// <summary>
/// Asks the reflection model for new text, storing every prompt and reply in the run as it
/// arrives: a resumed run reads the stored reply instead of asking (and paying) again.
/// </summary>
internal sealed class ReflectionClient(IChatClient model, string modelUri, RunStore store)
{
    public int Calls { get; private set; }

    public async Task<(string Reply, ChatFinishReason? FinishReason)> AskAsync(string prompt, CancellationToken cancellationToken)
    {
        var key = Kernel.Agents.Prompting.LayeredPromptBuilder.Sha256(modelUri + "\n" + prompt);
        if (store.FindReflection(key) is { } stored)
        {
            return (stored.Reply, stored.FinishReason is null ? null : new ChatFinishReason(stored.FinishReason));
        }

        var response = await model.GetResponseAsync([new ChatMessage(ChatRole.User, prompt)], new ChatOptions(), cancellationToken).ConfigureAwait(false);
        store.SaveReflection(key, modelUri, prompt, response.Text, response.FinishReason?.Value);
        lock (this)
        {
            Calls++;
        }

        return (response.Text, response.FinishReason);
    }
}

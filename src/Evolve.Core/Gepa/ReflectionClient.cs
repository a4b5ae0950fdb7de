using Evolve.Core.Gepa.Seams;
using Microsoft.Extensions.AI;

namespace Evolve.Core.Gepa;

/// <summary>
/// Asks the reflection model for new text, storing every prompt and reply in the run as it
/// arrives: a resumed run reads the stored reply instead of asking (and paying) again. Public for
/// baselines beside the engine (bench's random search) that must ask exactly as GEPA does.
/// </summary>
/// <param name="model">The reflection model.</param>
/// <param name="modelUri">The model's URI; part of the key a stored reply is found by.</param>
/// <param name="store">The run the prompts and replies are stored in.</param>
public sealed class ReflectionClient(IChatClient model, string modelUri, IRunJournal store)
{
    private int _calls;

    /// <summary>Calls that reached the model (replies read from the run are not counted).</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>The model's reply to <paramref name="prompt"/> and why it stopped; the stored reply when the run already holds one.</summary>
    public async Task<(string Reply, ChatFinishReason? FinishReason)> AskAsync(string prompt, CancellationToken cancellationToken = default)
    {
        var key = Kernel.Agents.Prompting.LayeredPromptBuilder.Sha256(modelUri + "\n" + prompt);
        if (store.FindReflection(key) is { } stored)
        {
            return (stored.Reply, stored.FinishReason is null ? null : new ChatFinishReason(stored.FinishReason));
        }

        var response = await model.GetResponseAsync([new ChatMessage(ChatRole.User, prompt)], new ChatOptions(), cancellationToken).ConfigureAwait(false);
        store.SaveReflection(key, modelUri, prompt, response.Text, response.FinishReason?.Value);
        Interlocked.Increment(ref _calls);

        return (response.Text, response.FinishReason);
    }
}

using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Agents;

/// <summary>
/// Runs an agent on one task through a chat client. Today one model turn; the ReAct loop with
/// tools grows here, so evaluations and deployed agents share one code path.
/// </summary>
public static class AgentSession
{
    /// <summary>The key a caching client sets on a response's additional properties when it served it from cache.</summary>
    public const string CacheHitKey = Providers.ModelResponseKeys.CacheHit;

    /// <summary>Runs the request and returns the answer; model errors propagate to the caller, which decides whether they are per-case.</summary>
    public static async Task<AgentTurn> RunAsync(
        IChatClient client,
        List<ChatMessage> messages,
        ChatOptions options,
        TimeProvider time,
        CancellationToken cancellationToken = default)
    {
        var started = time.GetTimestamp();
        var response = await client.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        var latency = time.GetElapsedTime(started);
        var cacheHit = response.AdditionalProperties?.TryGetValue(CacheHitKey, out var hit) == true && hit is true;
        messages.AddRange(response.Messages);
        return new AgentTurn(response.Text, messages, response.Usage, latency, cacheHit);
    }
}

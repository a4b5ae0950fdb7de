using Evolve.Kernel.Agents.Loop;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Agents;

/// <summary>
/// Runs an agent on one task through a chat client: the ReAct loop (tools offered in
/// <see cref="ChatOptions.Tools"/>, step limit from the heuristics' <c>max_steps</c>, doom-loop
/// detection). Without tools it is one model turn. Evaluations and deployed agents share this path.
/// </summary>
public static class AgentSession
{
    /// <summary>The key a caching client sets on a response's additional properties when it served it from cache.</summary>
    public const string CacheHitKey = Providers.ModelResponseKeys.CacheHit;

    /// <summary>
    /// Runs the session and returns the answer with the whole trace (tool calls and results
    /// included) in <see cref="AgentTurn.Messages"/>; model errors propagate to the caller, which
    /// decides whether they are per-case. Tool failures become tool results the model sees.
    /// </summary>
    public static Task<AgentTurn> RunAsync(
        IChatClient client,
        List<ChatMessage> messages,
        ChatOptions options,
        TimeProvider time,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        return ReactLoop.RunAsync(client, messages, options, time, cancellationToken);
    }
}

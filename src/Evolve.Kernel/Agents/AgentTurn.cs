using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Agents;

/// <summary>What one agent session produced for one task.</summary>
/// <param name="Output">The final answer text.</param>
/// <param name="Messages">The whole conversation, request and response messages, for traces.</param>
/// <param name="Usage">Token usage summed over the session's model calls, or null when unknown.</param>
/// <param name="Latency">Wall time of the session.</param>
/// <param name="CacheHit">True when every model call was served from the response cache.</param>
public sealed record AgentTurn(
    string Output,
    IReadOnlyList<ChatMessage> Messages,
    UsageDetails? Usage,
    TimeSpan Latency,
    bool CacheHit)
{
    /// <summary>Why the last model call of the session stopped, when the provider said.</summary>
    public ChatFinishReason? FinishReason { get; init; }

    /// <summary>The final answer's token log-probabilities, when they were asked for and the provider returned them.</summary>
    public IReadOnlyList<double>? LogProbs { get; init; }
}

namespace Evolve.Core.Scoring;

/// <summary>
/// What the scorer judges: the agent's final text and what is known of how it was produced.
/// Text assertions read <see cref="Output"/> alone; <c>latency</c>, <c>cost</c>, <c>finish-reason</c>,
/// judges and scripts (<c>context.prompt</c>) read the rest. A field is null when it is unknown
/// (an answer scored on its own, as <c>suite validate --check-references</c> does).
/// </summary>
/// <param name="Output">The final answer text.</param>
public sealed record Answer(string Output)
{
    /// <summary>The prompt the agent answered: the text of the last user message of the request.</summary>
    public string? Prompt { get; init; }

    /// <summary>Why the last model call stopped, lower case as promptfoo names it (<c>stop</c>, <c>length</c>, <c>tool_calls</c>, <c>content_filter</c>).</summary>
    public string? FinishReason { get; init; }

    /// <summary>Wall time of the agent session.</summary>
    public TimeSpan? Latency { get; init; }

    /// <summary>What the session's model calls cost in US dollars, when the price is known.</summary>
    public decimal? Cost { get; init; }

    /// <summary>The tool calls the agent made during the session, in order (empty when it made none or they are unknown).</summary>
    public IReadOnlyList<ToolCall> ToolCalls { get; init; } = [];

    /// <summary>The JSON Schema of each tool the agent was offered, by tool name (empty when none or unknown).</summary>
    public IReadOnlyDictionary<string, string> OfferedTools { get; init; } = new Dictionary<string, string>();

    /// <summary>The final answer's token log-probabilities, when the suite asked for them (perplexity) and the provider returned them.</summary>
    public IReadOnlyList<double>? LogProbs { get; init; }

    /// <summary>True when every model call was served from the response cache (latency then says nothing).</summary>
    public bool CacheHit { get; init; }

    /// <summary>An answer known only by its text.</summary>
    public static Answer Of(string output) => new(output ?? throw new ArgumentNullException(nameof(output)));
}

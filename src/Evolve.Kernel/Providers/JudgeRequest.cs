namespace Evolve.Kernel.Providers;

/// <summary>
/// What a judge call is about, in structured form beside its prompt (under
/// <see cref="ModelRequestKeys.Judge"/>): a real judge reads the prompt, the simulator's judge reads
/// this. It holds nothing the prompt does not already say, so stripping it before a real provider
/// loses nothing.
/// </summary>
/// <param name="Kind">The assertion type: <c>llm-rubric</c>, <c>model-graded-closedqa</c>, <c>factuality</c>, <c>g-eval</c>, <c>answer-relevance</c>, <c>select-best</c>.</param>
/// <param name="Criterion">The rubric, criterion or (for factuality) the reference fact; for answer-relevance, the question asked.</param>
/// <param name="Output">The answer being judged.</param>
public sealed record JudgeRequest(string Kind, string Criterion, string Output)
{
    /// <summary>For <c>select-best</c>, the answers compared, in order (the judge names the best by index); empty otherwise.</summary>
    public IReadOnlyList<string> Outputs { get; init; } = [];
}

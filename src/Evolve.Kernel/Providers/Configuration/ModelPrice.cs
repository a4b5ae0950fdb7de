namespace Evolve.Kernel.Providers.Configuration;

/// <summary>What a model costs, in US dollars per million tokens, from <c>prices:</c> in <c>evolve.yaml</c>.</summary>
/// <param name="Input">Per million input tokens.</param>
/// <param name="Output">Per million output tokens.</param>
public sealed record ModelPrice(decimal Input, decimal Output)
{
    /// <summary>The cost of <paramref name="inputTokens"/> and <paramref name="outputTokens"/>.</summary>
    public decimal Cost(long inputTokens, long outputTokens) => ((inputTokens * Input) + (outputTokens * Output)) / 1_000_000m;
}

namespace Evolve.Kernel.Providers.Usage;

/// <summary>A model's price in US dollars per million tokens.</summary>
/// <param name="InputPerMillion">Per million input (prompt) tokens.</param>
/// <param name="OutputPerMillion">Per million output (completion) tokens.</param>
public sealed record ModelPrice(decimal InputPerMillion, decimal OutputPerMillion)
{
    /// <summary>Free: the simulator, echo and local models.</summary>
    public static ModelPrice Free { get; } = new(0, 0);

    /// <summary>The price of <paramref name="inputTokens"/> in and <paramref name="outputTokens"/> out.</summary>
    public decimal Cost(long inputTokens, long outputTokens) =>
        ((inputTokens * InputPerMillion) + (outputTokens * OutputPerMillion)) / 1_000_000m;
}

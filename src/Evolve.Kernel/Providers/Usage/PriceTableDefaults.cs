namespace Evolve.Kernel.Providers.Usage;

/// <summary>
/// Built-in prices. These are published LIST prices (USD per million tokens, standard tier, no
/// batch or cached-input discounts) as known when this file was written; they change and may be
/// out of date. Override or extend them in <c>prices.yaml</c> or the <c>prices:</c> section of
/// evolve.yaml. Keys match a model id exactly, or as a prefix ending at '-' or ':'.
/// </summary>
internal static class PriceTableDefaults
{
    public static IReadOnlyDictionary<string, ModelPrice> Prices { get; } = new Dictionary<string, ModelPrice>(StringComparer.OrdinalIgnoreCase)
    {
        ["sim"] = ModelPrice.Free,
        ["echo"] = ModelPrice.Free,

        // Ollama serves local models: no per-token bill.
        ["ollama"] = ModelPrice.Free,
        ["openai:gpt-4.1"] = new(2.00m, 8.00m),
        ["openai:gpt-4.1-mini"] = new(0.40m, 1.60m),
        ["openai:gpt-4.1-nano"] = new(0.10m, 0.40m),
        ["openai:gpt-4o"] = new(2.50m, 10.00m),
        ["openai:gpt-4o-mini"] = new(0.15m, 0.60m),
        ["openai:o4-mini"] = new(1.10m, 4.40m),
        ["anthropic:claude-opus-4"] = new(15.00m, 75.00m),
        ["anthropic:claude-sonnet-4"] = new(3.00m, 15.00m),
        ["anthropic:claude-3-5-haiku"] = new(0.80m, 4.00m),
    };
}

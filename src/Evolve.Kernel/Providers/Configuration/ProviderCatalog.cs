namespace Evolve.Kernel.Providers.Configuration;

/// <summary>The facts about each real provider that settings and <c>evolve models list</c> need.</summary>
public static class ProviderCatalog
{
    /// <summary>The real providers, in the order they are listed.</summary>
    public static IReadOnlyList<string> Real { get; } = [ModelSchemes.OpenAI, ModelSchemes.Ollama, ModelSchemes.Anthropic];

    /// <summary>The variable that holds the key by default, or null when the provider needs none.</summary>
    public static string? KeyVariable(string scheme) => scheme switch
    {
        ModelSchemes.OpenAI => "OPENAI_API_KEY",
        ModelSchemes.Anthropic => "ANTHROPIC_API_KEY",
        _ => null,
    };

    /// <summary>The variable that overrides the endpoint.</summary>
    public static string EndpointVariable(string scheme) => scheme switch
    {
        ModelSchemes.OpenAI => "OPENAI_BASE_URL",
        ModelSchemes.Anthropic => "ANTHROPIC_BASE_URL",
        _ => "OLLAMA_HOST",
    };

    /// <summary>How a URI for the provider is written.</summary>
    public static string UriForm(string scheme) => scheme switch
    {
        ModelSchemes.Sim => "sim[?seed=N&latency=200ms&jitter=50ms&competence=X]",
        ModelSchemes.Echo => "echo",
        _ => $"{scheme}:MODEL   e.g. {ModelSchemes.ExampleFor(scheme)}",
    };

    /// <summary>Whether the provider refuses calls without a key at this endpoint (hosted APIs do; local servers usually don't).</summary>
    public static bool NeedsKey(string scheme, Uri endpoint) =>
        KeyVariable(scheme) is not null && endpoint.Host.EndsWith(scheme + ".com", StringComparison.OrdinalIgnoreCase);
}

namespace Evolve.Kernel.Providers;

/// <summary>The schemes a <see cref="ModelUri"/> may use, and which parameters each accepts.</summary>
public static class ModelSchemes
{
    /// <summary>The offline simulator.</summary>
    public const string Sim = "sim";

    /// <summary>Returns the last user message.</summary>
    public const string Echo = "echo";

    /// <summary>OpenAI or any OpenAI-compatible server.</summary>
    public const string OpenAI = "openai";

    /// <summary>A local Ollama server.</summary>
    public const string Ollama = "ollama";

    /// <summary>Anthropic's API.</summary>
    public const string Anthropic = "anthropic";

    /// <summary>Every known scheme, in the order error messages list them.</summary>
    public static IReadOnlyList<string> All { get; } = [Sim, Echo, OpenAI, Ollama, Anthropic];

    internal const string Examples = "sim, sim?seed=7&latency=200ms, echo, openai:gpt-4.1-mini, ollama:qwen2.5-coder:7b, anthropic:claude-sonnet-4";

    internal static string ExampleFor(string scheme) => scheme switch
    {
        OpenAI => "openai:gpt-4.1-mini",
        Ollama => "ollama:qwen2.5-coder:7b",
        _ => "anthropic:claude-sonnet-4",
    };

    /// <summary>The query parameters a scheme accepts.</summary>
    internal static IReadOnlyList<string> ParametersOf(string scheme) => scheme switch
    {
        Sim => ["seed", "latency", "jitter", "competence", "profile", "cache"],
        _ => ["cache"],
    };
}

namespace Evolve.Kernel.Providers.Configuration;

/// <summary>One provider's entry under <c>models:</c> in <c>evolve.yaml</c>; every field optional.</summary>
/// <param name="BaseUrl">The endpoint (for Ollama, the host); the provider's environment variable overrides it.</param>
/// <param name="ApiKeyEnv">The environment variable holding the key, read instead of the provider's standard one. Keys never live in the file.</param>
/// <param name="Timeout">How long the server may stay silent; default <see cref="ProviderSettings.DefaultTimeout"/>.</param>
/// <param name="Line">The entry's line in the file, for later errors.</param>
public sealed record ProviderConfig(string? BaseUrl, string? ApiKeyEnv, TimeSpan? Timeout, int? Line)
{
    /// <summary>No entry: every value from the environment or the defaults.</summary>
    public static ProviderConfig None { get; } = new(null, null, null, null);
}

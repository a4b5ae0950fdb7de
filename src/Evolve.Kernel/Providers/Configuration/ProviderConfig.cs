namespace Evolve.Kernel.Providers.Configuration;

/// <summary>One provider's entry under <c>models:</c> in <c>evolve.yaml</c>; every field optional.</summary>
/// <param name="BaseUrl">The endpoint (for Ollama, the host); the provider's environment variable overrides it.</param>
/// <param name="ApiKeyEnv">The environment variable holding the key, read instead of the provider's standard one.</param>
/// <param name="Timeout">How long the server may stay silent; default <see cref="ProviderSettings.DefaultTimeout"/>.</param>
/// <param name="Line">The entry's line in the file, for later errors.</param>
public sealed record ProviderConfig(string? BaseUrl, string? ApiKeyEnv, TimeSpan? Timeout, int? Line)
{
    /// <summary>No entry: every value from the environment or the defaults.</summary>
    public static ProviderConfig None { get; } = new(null, null, null, null);

    /// <summary>
    /// A key written in the file itself (<c>api_key:</c>), used only when the key variable is not set.
    /// Internal, and left out of <see cref="ToString"/>, so it is never printed.
    /// </summary>
    internal string? ApiKey { get; init; }

    /// <summary>The entry without its key.</summary>
    public override string ToString() =>
        $"ProviderConfig {{ BaseUrl = {BaseUrl}, ApiKeyEnv = {ApiKeyEnv}, Timeout = {Timeout}, Line = {Line}, ApiKey = {(ApiKey is null ? "none" : "set")} }}";
}

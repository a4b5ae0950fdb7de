namespace Evolve.Kernel.Providers.Configuration;

/// <summary>
/// Where a real provider is reached and with which key, resolved once from the environment and
/// <c>evolve.yaml</c>. Environment variables win over the file: for the endpoint, and for the key
/// (the file may name which variable holds it, or, less safely, hold it as <c>api_key:</c>).
/// <see cref="ToString"/> masks the key.
/// </summary>
public sealed class ProviderSettings
{
    /// <summary>
    /// How long a provider may stay silent when nothing says otherwise: 180 seconds. In a full
    /// pipeline the per-attempt <see cref="ModelOptions.Timeout"/> usually fires first; this one
    /// guards the provider alone (<c>evolve models test</c>) and streams that stall.
    /// </summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(180);

    /// <summary>Creates settings directly (tests, embedding); the CLI uses <see cref="Resolve"/>.</summary>
    public ProviderSettings(string scheme, Uri endpoint, string? apiKey, string? keyVariable = null, TimeSpan? timeout = null, string endpointSource = "given", string? keySource = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(scheme);
        ArgumentNullException.ThrowIfNull(endpoint);
        Scheme = scheme;
        Endpoint = endpoint;
        ApiKey = string.IsNullOrEmpty(apiKey) ? null : apiKey;
        KeyVariable = keyVariable;
        Timeout = timeout ?? DefaultTimeout;
        EndpointSource = endpointSource;
        KeySource = keySource ?? keyVariable;
    }

    /// <summary>The provider: <c>openai</c>, <c>ollama</c> or <c>anthropic</c>.</summary>
    public string Scheme { get; }

    /// <summary>The endpoint, for example <c>https://api.openai.com/v1</c> or <c>http://127.0.0.1:11434</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>Where the endpoint came from: <c>default</c>, a variable name, or <c>evolve.yaml:LINE</c>.</summary>
    public string EndpointSource { get; }

    /// <summary>The variable the key is read from (named in messages), or null when the provider needs none.</summary>
    public string? KeyVariable { get; }

    /// <summary>Where the key was found: the variable's name, <c>evolve.yaml:LINE</c>, or null when none was needed or found.</summary>
    public string? KeySource { get; }

    /// <summary>How long the server may stay silent (before the answer starts, or between bytes of it) before the call counts as timed out.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The endpoint as messages show it.</summary>
    public string EndpointText => ProviderEndpoint.Display(Endpoint);

    /// <summary>The key as it may be shown: masked (see <see cref="SecretMask"/>).</summary>
    public string MaskedKey => SecretMask.Mask(ApiKey);

    /// <summary>Whether a key was found.</summary>
    public bool HasKey => ApiKey is not null;

    /// <summary>The key, or null. Internal so it is not printed by accident.</summary>
    internal string? ApiKey { get; }

    /// <summary>Resolves the settings for <paramref name="scheme"/>.</summary>
    /// <param name="scheme">A real provider's scheme.</param>
    /// <param name="config">The workspace's <c>evolve.yaml</c>, or <see cref="WorkspaceModelConfig.Empty"/>.</param>
    /// <param name="environment">Reads an environment variable (injected so tests need not touch the process).</param>
    /// <exception cref="InputException">An endpoint variable holds something that is not a URL.</exception>
    public static ProviderSettings Resolve(string scheme, WorkspaceModelConfig config, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(environment);
        var entry = config.For(scheme);
        var variable = ProviderCatalog.EndpointVariable(scheme);
        var fromEnvironment = environment(variable);
        Uri endpoint;
        string source;
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            if (!ProviderEndpoint.TryParse(scheme, fromEnvironment, out endpoint))
            {
                throw new InputException("environment", null, variable, $"'{fromEnvironment}' is not an http(s) URL, for example {ProviderEndpoint.Default(scheme)}");
            }

            source = variable;
        }
        else if (entry.BaseUrl is not null && ProviderEndpoint.TryParse(scheme, entry.BaseUrl, out endpoint))
        {
            source = $"{WorkspaceModelConfig.FileName}:{entry.Line}";
        }
        else
        {
            ProviderEndpoint.TryParse(scheme, ProviderEndpoint.Default(scheme), out endpoint);
            source = "default";
        }

        var keyVariable = entry.ApiKeyEnv ?? ProviderCatalog.KeyVariable(scheme);
        var key = keyVariable is null ? null : environment(keyVariable)?.Trim();
        var keySource = keyVariable;
        if (string.IsNullOrEmpty(key) && entry.ApiKey is not null)
        {
            (key, keySource) = (entry.ApiKey, $"{WorkspaceModelConfig.FileName}:{entry.Line}");
        }

        return new ProviderSettings(scheme, endpoint, key, keyVariable, entry.Timeout, source, keySource);
    }

    /// <summary>Provider, endpoint and a masked key.</summary>
    public override string ToString() =>
        $"{Scheme} at {EndpointText} ({EndpointSource}), key {(KeyVariable is null ? "not needed" : $"{SecretMask.Mask(ApiKey)} from {KeySource}")}";
}

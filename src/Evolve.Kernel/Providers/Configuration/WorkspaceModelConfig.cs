namespace Evolve.Kernel.Providers.Configuration;

/// <summary>
/// The <c>models:</c> section of a workspace's <c>evolve.yaml</c>: per-provider endpoints, the
/// variable that holds each key, and timeouts. A missing file is the same as an empty one. (The
/// file's <c>prices:</c> section is read by <see cref="Usage.PriceTable"/>.)
/// </summary>
/// <example>
/// <code>
/// models:
///   openai: { base_url: http://127.0.0.1:8000/v1, api_key_env: VLLM_API_KEY, timeout: 120s }
///   ollama: { base_url: http://gpu-box:11434 }
/// </code>
/// </example>
public sealed class WorkspaceModelConfig
{
    /// <summary>The file name looked for in the workspace root.</summary>
    public const string FileName = "evolve.yaml";

    internal WorkspaceModelConfig(string? path, IReadOnlyDictionary<string, ProviderConfig> providers)
    {
        Path = path;
        Providers = providers;
    }

    /// <summary>No file: everything from the environment or the defaults.</summary>
    public static WorkspaceModelConfig Empty { get; } = new(null, new Dictionary<string, ProviderConfig>());

    /// <summary>The file it was read from, or null when there was none.</summary>
    public string? Path { get; }

    /// <summary>Entries under <c>models:</c> by scheme (<c>openai</c>, <c>ollama</c>, <c>anthropic</c>).</summary>
    public IReadOnlyDictionary<string, ProviderConfig> Providers { get; }

    /// <summary>The entry for <paramref name="scheme"/>, or <see cref="ProviderConfig.None"/>.</summary>
    public ProviderConfig For(string scheme) => Providers.GetValueOrDefault(scheme) ?? ProviderConfig.None;

    /// <summary>Reads <c>evolve.yaml</c> from <paramref name="workspaceRoot"/>; <see cref="Empty"/> when it does not exist.</summary>
    /// <exception cref="InputException">The file is malformed; every problem names its line and field.</exception>
    public static WorkspaceModelConfig Load(string workspaceRoot)
    {
        ArgumentNullException.ThrowIfNull(workspaceRoot);
        var path = System.IO.Path.Combine(workspaceRoot, FileName);
        return File.Exists(path) ? Parse(InputText.Read(path), path) : Empty;
    }

    /// <summary>Parses the text of an <c>evolve.yaml</c>; <paramref name="path"/> is named in errors.</summary>
    /// <exception cref="InputException">The text is malformed; every problem names its line and field.</exception>
    public static WorkspaceModelConfig Parse(string yaml, string path) => WorkspaceModelConfigReader.Read(yaml, path);
}

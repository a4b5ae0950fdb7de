namespace Evolve.Kernel.Providers.Configuration;

/// <summary>Default endpoints and the one rule for reading an endpoint someone wrote.</summary>
internal static class ProviderEndpoint
{
    /// <summary>Ollama's port when a host is written without one.</summary>
    public const int OllamaPort = 11434;

    public static string Default(string scheme) => scheme switch
    {
        ModelSchemes.OpenAI => "https://api.openai.com/v1",
        ModelSchemes.Anthropic => "https://api.anthropic.com",
        _ => $"http://127.0.0.1:{OllamaPort}",
    };

    /// <summary>
    /// Reads an absolute http(s) URL. For Ollama, as its own OLLAMA_HOST does, a bare
    /// <c>host</c> or <c>host:port</c> is accepted, with http and port 11434 assumed.
    /// </summary>
    public static bool TryParse(string scheme, string? text, out Uri endpoint)
    {
        endpoint = null!;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (scheme == ModelSchemes.Ollama && !text.Contains("://", StringComparison.Ordinal))
        {
            text = "http://" + text;
            if (Uri.TryCreate(text, UriKind.Absolute, out var bare) && bare.IsDefaultPort && !HasExplicitPort(text))
            {
                text = $"http://{bare.Host}:{OllamaPort}{bare.PathAndQuery.TrimEnd('/')}";
            }
        }

        if (!Uri.TryCreate(text.TrimEnd('/'), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
        {
            return false;
        }

        endpoint = uri;
        return true;
    }

    /// <summary>The endpoint as messages show it: no trailing slash, no user info.</summary>
    public static string Display(Uri endpoint) => endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/');

    private static bool HasExplicitPort(string text)
    {
        var authority = text["http://".Length..].Split('/')[0];
        return authority.LastIndexOf(':') > authority.LastIndexOf(']');
    }
}

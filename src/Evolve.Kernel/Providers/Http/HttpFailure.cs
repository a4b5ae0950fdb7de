using System.Net;
using System.Text.Json;
using Evolve.Kernel.Providers.Configuration;

namespace Evolve.Kernel.Providers.Http;

/// <summary>
/// Turns an HTTP failure into a <see cref="ModelCallException"/> the same way for every provider,
/// so the words and the retry decision do not depend on which SDK made the call.
/// </summary>
internal static class HttpFailure
{
    private const int MaxServerMessage = 300;

    public static ModelCallException FromStatus(ProviderSettings settings, string model, HttpStatusCode status, string body, TimeSpan? retryAfter)
    {
        var code = (int)status;
        var where = $"{settings.Scheme} at {settings.EndpointText}";
        var said = ServerMessage(body) is { } message ? $": {message}" : string.Empty;
        return code switch
        {
            // The server's words are left out on purpose: some echo part of the key.
            401 or 403 => new(ModelCallFailure.Permanent, $"wrong or missing key for {where} ({code}; set {settings.KeyVariable ?? "the provider's key"})", code),
            404 => new(ModelCallFailure.Permanent, $"model '{model}' not found at {settings.EndpointText} (404{said})", code),
            402 => new(ModelCallFailure.Permanent, $"{where} refused the call for billing reasons (402{said})", code),
            408 or 409 or 429 or >= 500 => new(ModelCallFailure.Transient, $"{where} answered {code} {Reason(status)}{said}", code, retryAfter),
            _ => new(ModelCallFailure.Request, $"{where} rejected the request ({code} {Reason(status)}{said})", code),
        };
    }

    public static ModelCallException Unreachable(ProviderSettings settings, Exception inner) =>
        new(ModelCallFailure.Transient, $"cannot reach {settings.Scheme} at {settings.EndpointText}: {inner.Message}", inner: inner);

    public static ModelCallException TimedOut(ProviderSettings settings, Exception? inner = null) =>
        new(ModelCallFailure.Transient, $"no answer from {settings.Scheme} at {settings.EndpointText} within {settings.Timeout.TotalSeconds:0.#}s", inner: inner);

    public static ModelCallException Broken(ProviderSettings settings, Exception inner) =>
        new(ModelCallFailure.Transient, $"{settings.Scheme} at {settings.EndpointText} sent an answer that could not be read: {inner.Message}", inner: inner);

    private static string Reason(HttpStatusCode status) =>
        Enum.IsDefined(status) ? status.ToString() : "error";

    /// <summary>The message inside an OpenAI/Anthropic (<c>error.message</c>) or Ollama (<c>error</c>) error body.</summary>
    private static string? ServerMessage(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        string? text;
        try
        {
            using var json = JsonDocument.Parse(body);
            var error = json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("error", out var e) ? e : default;
            text = error.ValueKind switch
            {
                JsonValueKind.String => error.GetString(),
                JsonValueKind.Object when error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String => m.GetString(),
                _ => null,
            };
        }
        catch (JsonException)
        {
            text = body;
        }

        text = text?.ReplaceLineEndings(" ").Trim();
        return string.IsNullOrEmpty(text) ? null : text.Length <= MaxServerMessage ? text : text[..MaxServerMessage] + "…";
    }
}

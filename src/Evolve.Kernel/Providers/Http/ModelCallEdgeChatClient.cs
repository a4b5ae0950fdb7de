using System.Text.Json;
using Evolve.Kernel.Providers.Configuration;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Providers.Http;

/// <summary>
/// Sits directly on a provider SDK's <see cref="IChatClient"/> and lets only
/// <see cref="ModelCallException"/> out: failures the HTTP handler already classified pass
/// through (the SDK may have wrapped them), the SDK's own exceptions go through the provider's
/// translator, and what remains (a reply that does not parse or has the wrong shape, a connection
/// cut mid-stream, a timeout) is transient. Cancellation by the caller is never translated.
/// </summary>
internal sealed class ModelCallEdgeChatClient : DelegatingChatClient
{
    private readonly ProviderSettings _settings;
    private readonly Func<Exception, ModelCallException?> _translateSdk;
    private readonly IDisposable? _owned;

    /// <param name="innerClient">The SDK's chat client.</param>
    /// <param name="settings">Endpoint and key variable, named in messages.</param>
    /// <param name="translateSdk">Maps the SDK's own exception types, or returns null to fall back to the shared rules.</param>
    /// <param name="owned">Disposed with this client (the HTTP client the SDK sends through).</param>
    public ModelCallEdgeChatClient(IChatClient innerClient, ProviderSettings settings, Func<Exception, ModelCallException?> translateSdk, IDisposable? owned)
        : base(innerClient)
    {
        _settings = settings;
        _translateSdk = translateSdk;
        _owned = owned;
    }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Translate(ex, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        StreamFailures.Replace(token => base.GetStreamingResponseAsync(messages, options, token), Translate, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _owned?.Dispose();
        }

        base.Dispose(disposing);
    }

    private ModelCallException? Translate(Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is ModelCallException classified)
            {
                return classified;
            }
        }

        if (_translateSdk(exception) is { } mapped)
        {
            return mapped;
        }

        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case OperationCanceledException or TimeoutException:
                    return HttpFailure.TimedOut(_settings, exception);
                case HttpRequestException or IOException or JsonException or FormatException:
                    return HttpFailure.Broken(_settings, exception);
            }
        }

        // What an SDK throws when valid JSON has the wrong shape (a server that only half speaks the
        // wire format). A disposed client is a bug in Evolve, not the server's doing.
        return exception is (InvalidOperationException and not ObjectDisposedException) or ArgumentException or KeyNotFoundException or NullReferenceException
            ? HttpFailure.Broken(_settings, exception)
            : null;
    }
}

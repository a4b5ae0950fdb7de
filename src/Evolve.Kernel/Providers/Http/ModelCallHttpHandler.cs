using Evolve.Kernel.Providers.Configuration;

namespace Evolve.Kernel.Providers.Http;

/// <summary>
/// The HTTP edge of every real provider: applies the timeout (to the answer's start and to every
/// silence within its body) and turns an error status, a refused connection or a timeout into a
/// <see cref="ModelCallException"/> before the SDK sees it. Only
/// here are the response headers at hand, so only here can Retry-After be read for every SDK alike.
/// </summary>
internal sealed class ModelCallHttpHandler : DelegatingHandler
{
    private readonly ProviderSettings _settings;
    private readonly string _model;
    private readonly TimeProvider _time;

    public ModelCallHttpHandler(ProviderSettings settings, string model, TimeProvider time, HttpMessageHandler inner)
        : base(inner)
    {
        _settings = settings;
        _model = model;
        _time = time;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(_settings.Timeout);
            try
            {
                response = await base.SendAsync(request, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw HttpFailure.TimedOut(_settings, ex);
            }
            catch (HttpRequestException ex)
            {
                throw HttpFailure.Unreachable(_settings, ex);
            }
        }

        if (response.IsSuccessStatusCode)
        {
            return await WithIdleTimeoutAsync(response, cancellationToken).ConfigureAwait(false);
        }

        using (response)
        {
            string body;
            try
            {
                body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException)
            {
                body = string.Empty;
            }

            throw HttpFailure.FromStatus(_settings, _model, response.StatusCode, body, RetryAfterHeader.Read(response.Headers, _time));
        }
    }

    /// <summary>Swaps the body for one that fails when the server goes silent, keeping its headers.</summary>
    private async Task<HttpResponseMessage> WithIdleTimeoutAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var original = response.Content;
        var body = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var content = new StreamContent(new IdleTimeoutStream(body, _settings));
        foreach (var header in original.Headers)
        {
            content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = content;
        return response;
    }
}

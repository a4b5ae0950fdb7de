using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace Evolve.Cli.Serving;

/// <summary>
/// What every request passes before a route sees it: the API key (when the server has one), then a
/// slot among <see cref="ServeOptions.MaxConcurrentRequests"/>. Refusals are OpenAI-style errors.
/// </summary>
internal sealed class RequestGate(ServeOptions options) : IAsyncDisposable
{
    private readonly ApiKeyCheck? _key = options.ApiKey is null ? null : new ApiKeyCheck(options.ApiKey);

    // No queue: a client told 429 retries with backoff, while a queue would hold its body in memory.
    private readonly ConcurrencyLimiter _slots = new(new ConcurrencyLimiterOptions { PermitLimit = options.MaxConcurrentRequests, QueueLimit = 0 });

    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        if (_key?.Refuse(http.Request) is { } refused)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            await JsonResponse.ErrorAsync(http, refused).ConfigureAwait(false);
            return;
        }

        using var lease = _slots.AttemptAcquire();
        if (!lease.IsAcquired)
        {
            http.Response.Headers.RetryAfter = "1";
            await JsonResponse.ErrorAsync(http, OpenAiError.TooManyRequests(options.MaxConcurrentRequests)).ConfigureAwait(false);
            return;
        }

        await next(http).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _slots.DisposeAsync();
}

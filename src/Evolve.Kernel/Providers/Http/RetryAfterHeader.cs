using System.Net.Http.Headers;

namespace Evolve.Kernel.Providers.Http;

/// <summary>Reads Retry-After, which servers send either as seconds or as an HTTP date.</summary>
internal static class RetryAfterHeader
{
    /// <summary>How long the server asked to wait, or null when it did not say; a date in the past is zero.</summary>
    public static TimeSpan? Read(HttpResponseHeaders headers, TimeProvider time)
    {
        var value = headers.RetryAfter;
        if (value?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (value?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}

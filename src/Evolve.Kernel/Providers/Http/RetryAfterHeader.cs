using System.Net.Http.Headers;

namespace Evolve.Kernel.Providers.Http;

/// <summary>
/// Reads how long a server asked us to wait: <c>retry-after-ms</c> (milliseconds, sent by OpenAI-style
/// servers and more precise) when present, else Retry-After as seconds or as an HTTP date.
/// </summary>
internal static class RetryAfterHeader
{
    /// <summary>How long the server asked to wait, or null when it did not say; a date in the past is zero.</summary>
    public static TimeSpan? Read(HttpResponseHeaders headers, TimeProvider time)
    {
        if (headers.TryGetValues("retry-after-ms", out var values)
            && double.TryParse(values.FirstOrDefault(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var ms)
            && ms >= 0 && ms < TimeSpan.MaxValue.TotalMilliseconds)
        {
            return TimeSpan.FromMilliseconds(ms);
        }

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

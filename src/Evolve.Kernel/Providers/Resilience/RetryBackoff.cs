namespace Evolve.Kernel.Providers.Resilience;

/// <summary>
/// Exponential backoff with "equal jitter": half the exponential step is fixed and half is drawn,
/// so many clients that failed together spread out but none retries immediately. A server's
/// Retry-After is a floor (never retry sooner than asked), capped by <see cref="RetryOptions.MaxDelay"/>.
/// </summary>
internal sealed class RetryBackoff(RetryOptions options, Random random)
{
    private readonly Lock _gate = new();

    /// <summary>The wait before attempt <paramref name="failedAttempt"/> + 1.</summary>
    public TimeSpan Delay(int failedAttempt, TimeSpan? retryAfter)
    {
        var exponent = Math.Min(failedAttempt - 1, 30);
        var step = Math.Min(options.MaxDelay.TotalMilliseconds, options.BaseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        double draw;
        lock (_gate)
        {
            // Random is not thread-safe and one seeded instance serves every concurrent call.
            draw = random.NextDouble();
        }

        var backoff = TimeSpan.FromMilliseconds((step / 2) + (step / 2 * draw));
        var floor = retryAfter is { } asked && asked > TimeSpan.Zero ? asked : TimeSpan.Zero;
        var delay = backoff > floor ? backoff : floor;
        return delay > options.MaxDelay ? options.MaxDelay : delay;
    }
}

namespace Evolve.Kernel.Providers.Resilience;

/// <summary>How transient model-call failures are retried. Defaults suit a hosted API under load.</summary>
public sealed record RetryOptions
{
    /// <summary>Attempts per call, the first included; default 6. 1 turns retrying off.</summary>
    public int MaxAttempts { get; init; } = 6;

    /// <summary>The first backoff; each later one doubles, up to <see cref="MaxDelay"/>. Default 1 s.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest single wait, a server's Retry-After included; default 60 s.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The most time one call may spend waiting between attempts; default 5 minutes.</summary>
    public TimeSpan MaxTotalDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The problems with these options, empty when they are valid.</summary>
    public IEnumerable<string> Problems()
    {
        if (MaxAttempts is < 1 or > 100)
        {
            yield return $"retry attempts must be between 1 and 100, not {MaxAttempts}";
        }

        if (BaseDelay < TimeSpan.Zero || MaxDelay < BaseDelay || MaxTotalDelay < TimeSpan.Zero)
        {
            yield return $"retry delays must satisfy 0 <= base ({BaseDelay}) <= max ({MaxDelay}) and total ({MaxTotalDelay}) >= 0";
        }
    }
}

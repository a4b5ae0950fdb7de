namespace Evolve.Kernel.Agents.Sessions;

/// <summary>How the session store waits for and retries writes that find the database busy.</summary>
public sealed class SessionStoreOptions
{
    /// <summary>Seconds one SQLite command waits on a lock before it reports busy; default 5.</summary>
    public int BusyTimeoutSeconds { get; init; } = 5;

    /// <summary>How many times a write is tried in all before the busy error propagates; default 6.</summary>
    public int MaxWriteAttempts { get; init; } = 6;

    /// <summary>The delay before the first retry, doubled on each further one and jittered; default 50 ms.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Throws one <see cref="ArgumentException"/> listing every invalid option.</summary>
    internal void Validate()
    {
        var problems = new List<string>();
        if (BusyTimeoutSeconds < 1)
        {
            // Microsoft.Data.Sqlite reads 0 as "wait forever", which would hide a stuck writer.
            problems.Add($"BusyTimeoutSeconds must be at least 1 (was {BusyTimeoutSeconds}).");
        }

        if (MaxWriteAttempts < 1)
        {
            problems.Add($"MaxWriteAttempts must be at least 1 (was {MaxWriteAttempts}).");
        }

        if (RetryBaseDelay < TimeSpan.Zero)
        {
            problems.Add($"RetryBaseDelay must not be negative (was {RetryBaseDelay}).");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid session store options: " + string.Join(" ", problems));
        }
    }
}

namespace Evolve.Core.Scoring.Scripts;

/// <summary>
/// What one <c>javascript</c> assertion may spend: a suite's script runs on every rollout, so a
/// loop that never ends or a string that doubles forever must cost one failed assertion, not a run.
/// </summary>
public sealed record JavaScriptLimits
{
    /// <summary>The defaults: 1 s, 64 MiB allocated, 256 nested calls.</summary>
    public static JavaScriptLimits Default { get; } = new();

    /// <summary>Wall-clock time one call may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Bytes one call may allocate.</summary>
    public long MemoryBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>How deep calls may nest.</summary>
    public int Recursion { get; init; } = 256;

    /// <summary>Problems with these limits, for <see cref="ScoringServices"/>' validation.</summary>
    internal IEnumerable<string> Problems()
    {
        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(1))
        {
            yield return $"JavaScript timeout must be more than 0 and at most 1 minute, not {Timeout}.";
        }

        if (MemoryBytes < 1024 * 1024)
        {
            yield return $"JavaScript memory must be at least 1 MiB, not {MemoryBytes} bytes.";
        }

        if (Recursion < 1)
        {
            yield return $"JavaScript recursion must be at least 1, not {Recursion}.";
        }
    }
}

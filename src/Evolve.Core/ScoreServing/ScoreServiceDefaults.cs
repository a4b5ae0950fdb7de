namespace Evolve.Core.ScoreServing;

/// <summary>The defaults and bounds of <see cref="ScoreServiceOptions"/> and <see cref="ScoreRequest"/>.</summary>
public static class ScoreServiceDefaults
{
    /// <summary>Rollouts in flight per request.</summary>
    public const int Concurrency = 16;

    /// <summary>The most rollouts in flight one request may ask for.</summary>
    public const int MaxConcurrency = 256;

    /// <summary>The most repeats per case one request may ask for.</summary>
    public const int MaxRepeat = 100;
}

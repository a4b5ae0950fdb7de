namespace Evolve.Kernel.Providers;

/// <summary>
/// Keys Evolve sets on <see cref="Microsoft.Extensions.AI.ChatResponse.AdditionalProperties"/> so
/// rollouts can record how a response came about. They describe the response only; scorers must
/// never use them to decide a score. On a response served from the cache the values have been
/// through JSON, so read them as <see cref="System.Text.Json.JsonElement"/> as well as CLR values.
/// </summary>
public static class ModelResponseKeys
{
    /// <summary><c>true</c> when the response came from the response cache rather than the model.</summary>
    public const string CacheHit = "evolve.cache_hit";

    /// <summary>The answer's token log-probabilities (double[]), when they were asked for and the provider returned them.</summary>
    public const string LogProbs = "evolve.logprobs";

    /// <summary>Simulator only: whether it chose the oracle's answer (bool), for diagnostics and benchmarks.</summary>
    public const string SimCorrect = "evolve.sim.correct";

    /// <summary>Simulator only: the probability of a right answer it drew against (double).</summary>
    public const string SimProbability = "evolve.sim.p";
}

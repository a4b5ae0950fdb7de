namespace Evolve.Kernel.Providers;

/// <summary>
/// Keys of <see cref="Microsoft.Extensions.AI.ChatOptions.AdditionalProperties"/> that Evolve uses
/// internally. Everything starting with <see cref="Prefix"/> is removed by every real provider
/// pipeline before a request leaves the process. None of them holds a secret: the simulator's
/// reference answers stay in its <see cref="Sim.SimOracleLookup"/>, and a request names only its case.
/// </summary>
public static class ModelRequestKeys
{
    /// <summary>Prefix shared by all internal keys.</summary>
    public const string Prefix = "evolve.";

    /// <summary>The id (string) of the case a rollout answers; the simulator looks its oracle up by it.</summary>
    public const string CaseId = "evolve.case";

    /// <summary>The agent's <see cref="Sim.SimAnswerKind"/>: how the simulator formats and corrupts its answers.</summary>
    public const string Answer = "evolve.answer";

    /// <summary>The repeat index (int) of a rollout; part of the response-cache key so repeats are independent samples.</summary>
    public const string Repeat = "evolve.repeat";

    /// <summary>The candidate's heuristics as a read-only dictionary of knob name to value, for the simulator's bonuses.</summary>
    public const string Heuristics = "evolve.heuristics";

    /// <summary>A <see cref="JudgeRequest"/>: this call asks a judge to grade an answer; the simulator answers it as a judge.</summary>
    public const string Judge = "evolve.judge";

    /// <summary><c>true</c>: ask the provider for the answer's token log-probabilities (perplexity assertions); part of the cache key.</summary>
    public const string LogProbs = "evolve.logprobs";
}

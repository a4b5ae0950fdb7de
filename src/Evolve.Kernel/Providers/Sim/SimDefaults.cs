namespace Evolve.Kernel.Providers.Sim;

/// <summary>
/// The constants behind the simulator's odds. They are chosen so a generic seed prompt lands at
/// about 0.38 on a medium case (difficulty 0.5) and a prompt that names every cue at about 0.88,
/// leaving optimizers room to climb without reaching certainty.
/// </summary>
internal static class SimDefaults
{
    /// <summary>Probability of a right answer on a trivial case with no cues covered.</summary>
    public const double BaseAtZeroDifficulty = 0.55;

    /// <summary>How much the base falls from a trivial (0) to a very hard (1) case.</summary>
    public const double DifficultySlope = 0.35;

    /// <summary>Added when every cue is covered; proportional for partial coverage.</summary>
    public const double CoverageGain = 0.5;

    public const double SelfTestBonus = 0.05;

    public const double PlanFirstBonus = 0.03;

    /// <summary>Subtracted per unit of temperature above 1: hot sampling makes models sloppy.</summary>
    public const double HotTemperatureMalusPerUnit = 0.1;

    /// <summary>System-prompt size (estimated tokens) past which the prompt starts to hurt.</summary>
    public const int TokenBudget = 600;

    /// <summary>Subtracted per estimated token past <see cref="TokenBudget"/> (0.1 per 400 tokens).</summary>
    public const double LengthPenaltyPerToken = 0.00025;

    /// <summary>The length penalty never exceeds this.</summary>
    public const double MaxLengthPenalty = 0.4;

    public const double MinProbability = 0.02;

    public const double MaxProbability = 0.98;

    /// <summary>Chance that a reflection reply also drops one existing line of the instruction.</summary>
    public const double ReflectionDropChance = 0.1;

    /// <summary>Share of draws that are the case's own luck, common to every candidate (see SimTaskResponder.Draw).</summary>
    public const double CaseLuckShare = 0.9;

    /// <summary>Most cues a reflection guideline names.</summary>
    public const int ReflectionMaxCues = 5;

    /// <summary>Distinct system prompts memoized per client.</summary>
    public const int PromptCacheCapacity = 4096;
}

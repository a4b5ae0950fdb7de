namespace Evolve.Kernel.Providers.Sim;

/// <summary>
/// The constants that profile v2 adds to or changes from <see cref="SimDefaults"/>. They are chosen
/// so that the best prompt an optimizer can write still loses some cases on every split: the ceiling
/// of a suite is below 1.0, and every token, contradiction and copied specific has a price.
/// </summary>
internal static class SimV2Defaults
{
    /// <summary>Share of (seed, case) pairs beyond the model on a trivial case (difficulty 0).</summary>
    public const double IrreducibleAtZeroDifficulty = 0.06;

    /// <summary>How much that share grows from a trivial (0) to a very hard (1) case: 0.30 of the hardest cases are lost.</summary>
    public const double IrreducibleSlope = 0.24;

    /// <summary>Subtracted for each pair of contradicting instructions the system prompt holds.</summary>
    public const double ConflictPenalty = 0.08;

    /// <summary>Cost per estimated token of system prompt, from the first one: a prompt pays for every token.</summary>
    public const double CostPerToken = 0.00004;

    /// <summary>Cost per token past <see cref="SimDefaults.TokenBudget"/>, on top of <see cref="CostPerToken"/> (as v1's penalty, 0.1 per 400 tokens).</summary>
    public const double CostPerTokenOverBudget = 0.00025;

    /// <summary>
    /// Weight of the quadratic part past the budget: the cost grows by this much per token for every
    /// budget's worth of excess, so 600 tokens over costs 0.15 more than the linear part alone. No cap.
    /// </summary>
    public const double CostCurvature = 0.00025;

    /// <summary>How much a borrowed cue (see <see cref="SimCueWeights"/>) counts compared with a case's own or a general cue.</summary>
    public const double BorrowedCueWeight = 0.25;

    /// <summary>Even a perfect prompt on a trivial case is wrong now and then.</summary>
    public const double MaxProbability = 0.95;
}

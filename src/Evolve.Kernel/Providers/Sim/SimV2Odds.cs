namespace Evolve.Kernel.Providers.Sim;

/// <summary>
/// The odds of profile v2: v1's base, coverage gain, heuristic bonuses and temperature malus, then
/// minus <see cref="SimConflicts"/> and a length cost that grows with every token (<see cref="LengthCost"/>),
/// clamped to [<see cref="SimDefaults.MinProbability"/>, <see cref="SimV2Defaults.MaxProbability"/>].
/// The irreducible error (<see cref="SimIrreducible"/>) is decided before these odds are drawn.
/// </summary>
internal static class SimV2Odds
{
    public static double Of(double difficulty, double coverage, SimHeuristics heuristics, double? temperature, int promptTokens, int conflicts)
    {
        var p = SimOdds.Base(difficulty, coverage, heuristics, temperature);
        p -= SimV2Defaults.ConflictPenalty * conflicts;
        p -= LengthCost(promptTokens);
        return Math.Clamp(p, SimDefaults.MinProbability, SimV2Defaults.MaxProbability);
    }

    /// <summary>
    /// A little for every token, v1's slope on top past the budget, and a quadratic term past the
    /// budget so a prompt twice the budget pays more than twice as much: smooth, no step, no cap.
    /// </summary>
    public static double LengthCost(int promptTokens)
    {
        var tokens = Math.Max(0, promptTokens);
        var excess = Math.Max(0, tokens - SimDefaults.TokenBudget);
        return (SimV2Defaults.CostPerToken * tokens)
            + (SimV2Defaults.CostPerTokenOverBudget * excess)
            + (SimV2Defaults.CostCurvature * excess * excess / SimDefaults.TokenBudget);
    }
}

namespace Evolve.Kernel.Providers.Sim;

/// <summary>
/// The probability that the simulator answers a case right, per ARCHITECTURE section 4:
/// base(difficulty) + gain x coverage + heuristic bonuses - length penalty, clamped.
/// </summary>
internal static class SimOdds
{
    public static double Of(double difficulty, double coverage, SimHeuristics heuristics, double? temperature, int promptTokens)
    {
        var p = Base(difficulty, coverage, heuristics, temperature);
        var excess = promptTokens - SimDefaults.TokenBudget;
        if (excess > 0)
        {
            p -= Math.Min(SimDefaults.MaxLengthPenalty, excess * SimDefaults.LengthPenaltyPerToken);
        }

        return Math.Clamp(p, SimDefaults.MinProbability, SimDefaults.MaxProbability);
    }

    /// <summary>
    /// The terms every profile shares, before any length cost and unclamped: base(difficulty) + gain x
    /// coverage + heuristic bonuses - the hot-temperature malus.
    /// </summary>
    public static double Base(double difficulty, double coverage, SimHeuristics heuristics, double? temperature)
    {
        var d = Math.Clamp(double.IsNaN(difficulty) ? 0.5 : difficulty, 0, 1);
        var p = SimDefaults.BaseAtZeroDifficulty - (SimDefaults.DifficultySlope * d);
        p += SimDefaults.CoverageGain * coverage;
        p += heuristics.SelfTest ? SimDefaults.SelfTestBonus : 0;
        p += heuristics.PlanFirst ? SimDefaults.PlanFirstBonus : 0;

        var t = heuristics.Temperature ?? temperature;
        if (t > 1)
        {
            p -= SimDefaults.HotTemperatureMalusPerUnit * (t.Value - 1);
        }

        return p;
    }
}

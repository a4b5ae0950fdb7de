namespace Evolve.Kernel.Providers.Sim;

/// <summary>
/// Profile v2's irreducible error: some cases are beyond the model whatever it is told. Whether a
/// case is one of them is a stable draw of (seed, case) alone, so no prompt, heuristic, repeat,
/// self-test repair or retry changes it, and a suite's ceiling is below 1.0. Harder cases are lost
/// more often: the share is <see cref="SimV2Defaults.IrreducibleAtZeroDifficulty"/> plus
/// <see cref="SimV2Defaults.IrreducibleSlope"/> times the difficulty.
/// </summary>
internal static class SimIrreducible
{
    /// <summary>The chance that a case of this difficulty is lost for a given seed.</summary>
    public static double Share(double difficulty)
    {
        var d = Math.Clamp(double.IsNaN(difficulty) ? 0.5 : difficulty, 0, 1);
        return SimV2Defaults.IrreducibleAtZeroDifficulty + (SimV2Defaults.IrreducibleSlope * d);
    }

    /// <summary>True when <paramref name="oracle"/>'s case always fails under <paramref name="seed"/>.</summary>
    public static bool Fails(int seed, SimOracle oracle) =>
        StableHash.ToUnit(StableHash.Combine(unchecked((ulong)seed), 0x1EEDC1BUL, 0UL, oracle.CaseId)) < Share(oracle.Difficulty);
}

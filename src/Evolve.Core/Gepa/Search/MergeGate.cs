namespace Evolve.Core.Gepa.Search;

/// <summary>The cheap check a merged child must pass on its gate cases before full validation.</summary>
public static class MergeGate
{
    /// <summary>
    /// Whether the child's sum on the gate cases is at least the better parent's (GEPA's rule), with
    /// <see cref="AcceptanceRule.Epsilon"/> of slack so summation noise does not reject a tie.
    /// </summary>
    public static bool Accepts(double childSum, double parentASum, double parentBSum)
        => childSum >= Math.Max(parentASum, parentBSum) - AcceptanceRule.Epsilon;
}

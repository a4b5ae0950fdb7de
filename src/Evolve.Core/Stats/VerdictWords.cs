namespace Evolve.Core.Stats;

/// <summary>A verdict in the words a table or a one-line summary uses (B is the challenger, A the baseline).</summary>
public static class VerdictWords
{
    /// <summary><c>B beats A</c>, <c>A beats B</c>, <c>no significant difference</c> or <c>insufficient data</c>.</summary>
    public static string Of(Verdict verdict) => verdict switch
    {
        Verdict.BBetter => "B beats A",
        Verdict.ABetter => "A beats B",
        Verdict.NoSignificantDifference => "no significant difference",
        _ => "insufficient data",
    };
}

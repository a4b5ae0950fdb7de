namespace Evolve.Core.Stats;

/// <summary>A verdict in the words a table or a one-line summary uses (B is the challenger, A the baseline).</summary>
public static class VerdictWords
{
    /// <summary><c>B beats A</c>, <c>A beats B</c>, <c>no significant difference</c>, <c>inconclusive</c> or <c>insufficient data</c>.</summary>
    public static string Of(Verdict verdict) => Of(verdict, "A", "B");

    /// <summary>Like <see cref="Of(Verdict)"/> with the sides named, e.g. <c>best beats seed</c>.</summary>
    public static string Of(Verdict verdict, string a, string b) => verdict switch
    {
        Verdict.BBetter => $"{b} beats {a}",
        Verdict.ABetter => $"{a} beats {b}",
        Verdict.NoSignificantDifference => "no significant difference",
        Verdict.Inconclusive => "inconclusive (the interval excludes 0, no exact test backs it)",
        _ => "insufficient data",
    };
}

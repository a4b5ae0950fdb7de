namespace Evolve.Core.Runs;

/// <summary>
/// What a run's headline score is (<see cref="RunListing.ScoreKind"/>), one token each so scripts
/// reading <c>runs list --format json</c> can match it, and the word <c>runs list</c> prints beside it.
/// </summary>
public static class RunScoreKind
{
    /// <summary>An optimization's best validation score (mean over validation cases).</summary>
    public const string BestVal = "best-val";

    /// <summary>An eval's mean case score.</summary>
    public const string Mean = "mean";

    /// <summary>A compare's mean difference, the challenger's (second reference's) score minus the baseline's.</summary>
    public const string Diff = "diff";

    /// <summary>The short word the runs table prints before the score.</summary>
    public static string Label(string kind) => kind == BestVal ? "val" : kind;
}

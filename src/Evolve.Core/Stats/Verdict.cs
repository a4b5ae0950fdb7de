namespace Evolve.Core.Stats;

/// <summary>Outcome of a paired comparison of candidate B against candidate A.</summary>
public enum Verdict
{
    /// <summary>Fewer shared cases than <see cref="PairedComparisonOptions.MinimumPairs"/>.</summary>
    InsufficientData,

    /// <summary>Neither direction is supported by both the interval and a significance test.</summary>
    NoSignificantDifference,

    /// <summary>B is better: the interval lies above 0 and a test in B's direction is significant.</summary>
    BBetter,

    /// <summary>A is better: the interval lies below 0 and a test in A's direction is significant.</summary>
    ABetter,

    /// <summary>
    /// The interval excludes 0 but no exact test backs it. Kept apart from
    /// <see cref="NoSignificantDifference"/> so no output says "no difference" beside an interval that shows one.
    /// Last, so the numbers stored for the others keep their meaning.
    /// </summary>
    Inconclusive,
}
